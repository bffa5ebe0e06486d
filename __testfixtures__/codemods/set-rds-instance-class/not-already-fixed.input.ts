import * as aws from '@pulumi/aws';

new aws.rds.ClusterInstance('catalog-writer', {
  clusterIdentifier: 'catalog',
  engine: 'aurora-mysql',
  instanceClass: 'db.t3.medium',
});
