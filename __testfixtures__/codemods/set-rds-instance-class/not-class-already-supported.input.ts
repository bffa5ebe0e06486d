import * as aws from '@pulumi/aws';

export const db = new aws.rds.Instance('billing-db', {
  engine: 'postgres',
  engineVersion: '16.4',
  instanceClass: 'db.m6g.large',
  allocatedStorage: 100,
  username: 'billing',
  manageMasterUserPassword: true,
});
