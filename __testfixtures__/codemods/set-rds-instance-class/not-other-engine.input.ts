import * as aws from '@pulumi/aws';

// Plain RDS MySQL runs fine on db.t3.small.
export const app = new aws.rds.Instance('app-db', {
  engine: 'mysql',
  engineVersion: '8.0.39',
  instanceClass: 'db.t3.small',
  allocatedStorage: 20,
  username: 'app',
  manageMasterUserPassword: true,
});
