import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

export class TenantsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, vpc: ec2.IVpc) {
    super(scope, id);
    // All tenant databases move together.
    const pgVersion = '15.4';

    new rds.CfnDBInstance(this, 'TenantA', {
      engine: 'postgres',
      engineVersion: pgVersion,
      dbInstanceClass: 'db.t4g.medium',
      allocatedStorage: '20',
    });
    new rds.CfnDBInstance(this, 'TenantB', {
      engine: 'postgres',
      engineVersion: pgVersion,
      dbInstanceClass: 'db.t4g.medium',
      allocatedStorage: '20',
    });
  }
}
