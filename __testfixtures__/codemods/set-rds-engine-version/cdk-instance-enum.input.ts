import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

export interface OrdersStackProps extends cdk.StackProps {
  vpc: ec2.IVpc;
}

export class OrdersStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: OrdersStackProps) {
    super(scope, id, props);

    // Primary store for the orders service. Keep in step with the read replica below.
    const db = new rds.DatabaseInstance(this, 'OrdersDb', {
      engine: rds.DatabaseInstanceEngine.postgres({
        version: rds.PostgresEngineVersion.VER_15_4, // pinned for pg_partman
      }),
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.MEDIUM),
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      allocatedStorage: 50,
      multiAz: true,
      deletionProtection: true,
      removalPolicy: cdk.RemovalPolicy.SNAPSHOT,
    });

    new elasticache.CfnReplicationGroup(this, 'OrdersCache', {
      replicationGroupDescription: 'orders session cache',
      engine: 'redis',
      engineVersion: '7.0',
      cacheNodeType: 'cache.t4g.small',
      numCacheClusters: 2,
    });

    new cdk.CfnOutput(this, 'OrdersDbEndpoint', { value: db.dbInstanceEndpointAddress });
  }
}
