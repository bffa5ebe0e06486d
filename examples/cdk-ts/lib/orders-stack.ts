import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

export interface OrdersStackProps extends cdk.StackProps {
  /** Short environment name used in physical names, e.g. "dev". */
  readonly stage: string;
}

export class OrdersStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: OrdersStackProps) {
    super(scope, id, props);

    // One customer managed key for the service's data at rest (logs and database).
    const key = new kms.Key(this, 'OrdersKey', {
      alias: `alias/orders-${props.stage}`,
      description: 'Orders service data at rest',
      enableKeyRotation: true,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });

    // Created up front so that retention and encryption are ours rather than Lambda's defaults.
    const appLogs = new logs.LogGroup(this, 'AppLogs', {
      logGroupName: `/aws/lambda/orders-${props.stage}`,
      encryptionKey: key,
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });

    // Isolated subnets only: the database needs no internet access.
    const vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      restrictDefaultSecurityGroup: false,
      subnetConfiguration: [{ name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
    });

    const db = new rds.DatabaseInstance(this, 'OrdersDb', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_15_4 }),
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.MICRO),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      databaseName: 'orders',
      storageEncryptionKey: key,
      allocatedStorage: 20,
      backupRetention: cdk.Duration.days(1),
      deletionProtection: false,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });

    // Images of the orders API; CI pushes a new tag on every merge to main.
    const repo = new ecr.Repository(this, 'OrdersRepo', {
      repositoryName: `orders-api-${props.stage}`,
      imageScanOnPush: true,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
      autoDeleteImages: true, // dev stacks are torn down often
    });
    repo.addLifecycleRule({ description: 'keep the last 20 images', maxImageCount: 20 });

    cdk.Tags.of(this).add('service', 'orders');
    cdk.Tags.of(this).add('stage', props.stage);

    new cdk.CfnOutput(this, 'LogGroupName', { value: appLogs.logGroupName });
    new cdk.CfnOutput(this, 'DbEndpoint', { value: db.dbInstanceEndpointAddress });
    new cdk.CfnOutput(this, 'RepositoryUri', { value: repo.repositoryUri });
  }
}
