import * as aws from '@pulumi/aws';

// Postgres 15.4 was the original plan for this service; it now reuses the shared cluster.
const shared = aws.rds.Cluster.get('shared', 'shared-aurora-pg');

new aws.rds.ClusterInstance('search-api-reader', {
  clusterIdentifier: shared.id,
  engine: aws.rds.EngineType.AuroraPostgresql,
  engineVersion: shared.engineVersion,
  instanceClass: 'db.r6g.large',
  tags: { PgTarget: '15.4' },
});

new aws.elasticache.ReplicationGroup('search-api-cache', {
  description: 'search api cache',
  engine: 'redis',
  engineVersion: '7.0',
  nodeType: 'cache.t4g.small',
  numCacheClusters: 2,
});

new aws.opensearch.Domain('search', {
  engineVersion: 'OpenSearch_2.11',
  clusterConfig: { instanceType: 't3.small.search' },
});
