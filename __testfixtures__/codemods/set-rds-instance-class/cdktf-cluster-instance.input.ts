import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster';
import { RdsClusterInstance } from '@cdktf/provider-aws/lib/rds-cluster-instance';

export class CatalogStack extends TerraformStack {
  constructor(scope: Construct, id: string, env: string) {
    super(scope, id);
    const cluster = new RdsCluster(this, `catalog-aurora-${env}`, {
      engine: 'aurora-mysql',
      engineVersion: '8.0.mysql_aurora.3.04.3',
      masterUsername: 'catalog',
      manageMasterUserPassword: true,
    });
    new RdsClusterInstance(this, `catalog-aurora-writer-${env}`, {
      clusterIdentifier: cluster.id,
      instanceClass: 'db.t3.small',
      engine: cluster.engine,
      engineVersion: cluster.engineVersion,
    });
  }
}
