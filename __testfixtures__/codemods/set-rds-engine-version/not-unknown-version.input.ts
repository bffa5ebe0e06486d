import * as aws from '@pulumi/aws';

const preview = new aws.rds.Cluster('pg-preview', {
  engine: 'aurora-postgresql',
  engineVersion: '18.0',
  masterUsername: 'preview',
  manageMasterUserPassword: true,
  skipFinalSnapshot: true,
});

export const endpoint = preview.endpoint;
