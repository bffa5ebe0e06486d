import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

export class ReportingStack extends cdk.Stack {
  constructor(scope: Construct, id: string, vpc: ec2.IVpc) {
    super(scope, id);
    new rds.DatabaseInstance(this, 'Staging', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_15_4 }),
      vpc,
    });
    new rds.DatabaseCluster(this, 'Warehouse', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_15_4 }),
      writer: rds.ClusterInstance.provisioned('writer'),
      vpc,
    });
  }
}
