import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

/** Wiki database: MariaDB because the wiki engine only supports MySQL-family backends. */
export class WikiDatabaseStack extends cdk.Stack {
  constructor(scope: Construct, id: string, vpc: ec2.IVpc, props?: cdk.StackProps) {
    super(scope, id, props);

    new rds.DatabaseInstance(this, 'WikiDb', {
      engine: rds.DatabaseInstanceEngine.mariaDb({ version: rds.MariaDbEngineVersion.VER_10_11_5 }),
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE4_GRAVITON, ec2.InstanceSize.SMALL),
      vpc,
      allocatedStorage: 20,
      databaseName: 'wiki',
      backupRetention: cdk.Duration.days(7),
    });
  }
}
