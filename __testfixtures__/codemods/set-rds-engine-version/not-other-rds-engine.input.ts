import * as aws from '@pulumi/aws';

export const db = new aws.rds.Instance('app-db', {
  engine: 'postgres',
  engineVersion: '15.4',
  instanceClass: 'db.t4g.micro',
  allocatedStorage: 20,
  username: 'app',
  manageMasterUserPassword: true,
});
