// The RDS resource classes both languages' views know, and the properties that tie one RDS
// resource to another. Plain data, no imports: the TypeScript view loads it under the jscodeshift
// CLI too.

export type RdsKind = 'instance' | 'cluster' | 'cluster-instance' | 'global-cluster' | 'parameter-group' | 'other';

/** Class names (the callee's last name) and what they create. Pulumi's need `rds.` in front. */
export const CDK_KINDS: Record<string, RdsKind> = {
  DatabaseInstance: 'instance', DatabaseInstanceFromSnapshot: 'instance', DatabaseInstanceReadReplica: 'instance',
  DatabaseCluster: 'cluster', DatabaseClusterFromSnapshot: 'cluster', ServerlessCluster: 'cluster',
  ParameterGroup: 'parameter-group', OptionGroup: 'parameter-group',
  CfnDBInstance: 'instance', CfnDBCluster: 'cluster', CfnGlobalCluster: 'global-cluster',
  CfnDBParameterGroup: 'parameter-group', CfnDBClusterParameterGroup: 'parameter-group', CfnOptionGroup: 'parameter-group',
  // CDKTF's prebuilt AWS provider (@cdktf/provider-aws)
  DbInstance: 'instance', RdsCluster: 'cluster', RdsClusterInstance: 'cluster-instance', RdsGlobalCluster: 'global-cluster',
  DbParameterGroup: 'parameter-group', RdsClusterParameterGroup: 'parameter-group', DbOptionGroup: 'parameter-group',
};
export const PULUMI_KINDS: Record<string, RdsKind> = {
  Instance: 'instance', Cluster: 'cluster', ClusterInstance: 'cluster-instance', GlobalCluster: 'global-cluster',
  ParameterGroup: 'parameter-group', ClusterParameterGroup: 'parameter-group', OptionGroup: 'parameter-group',
};

/** Properties through which one RDS resource names another (normalised: lower case, no `_`). */
export const LINK_KEYS = new Set([
  'clusteridentifier', 'dbclusteridentifier', 'sourcedbclusteridentifier', 'globalclusteridentifier', 'cluster',
  'sourcedbinstanceidentifier', 'replicatesourcedb', 'sourcedatabaseinstance', 'sourcedbinstance',
  'parametergroup', 'parametergroupname', 'dbparametergroupname', 'dbclusterparametergroupname', 'clusterparametergroup',
  'instanceparametergroup', 'dbinstanceparametergroupname', 'optiongroup', 'optiongroupname',
]);
/** Identifier-valued properties whose equal strings tie resources (`clusterIdentifier: 'orders'` on cluster and instance). */
export const IDENTIFIER_KEYS = new Set(['clusteridentifier', 'dbclusteridentifier', 'globalclusteridentifier']);

export const normKey = (k: string) => k.replace(/_/g, '').toLowerCase();
