import * as aws from '@pulumi/aws';

// Aurora PostgreSQL for the ledger service.
const ledgerPgVersion = '14.9';

const ledger = new aws.rds.Cluster('ledger', {
  clusterIdentifier: 'ledger-prod',
  engine: aws.rds.EngineType.AuroraPostgresql,
  engineVersion: ledgerPgVersion,
  databaseName: 'ledger',
  masterUsername: 'ledger',
  manageMasterUserPassword: true,
  storageEncrypted: true,
  backupRetentionPeriod: 7,
});

new aws.rds.ClusterInstance('ledger-writer', {
  clusterIdentifier: ledger.id,
  engine: aws.rds.EngineType.AuroraPostgresql,
  engineVersion: ledger.engineVersion,
  instanceClass: 'db.r6g.large',
});
