import { Stack, type StackProps } from 'aws-cdk-lib';
import { aws_rds as rds } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

export class ReportsStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);

    const cluster = new rds.CfnDBCluster(this, 'ReportsCluster', {
      engine: 'aurora-postgresql',
      engineVersion: '15.8',
      masterUsername: 'reports',
      manageMasterUserPassword: true,
    });

    new rds.CfnDBInstance(this, 'ReportsInstance1', {
      dbClusterIdentifier: cluster.ref,
      engine: 'aurora-postgresql',
      dbInstanceClass: "db.t4g.small",
    });
  }
}
