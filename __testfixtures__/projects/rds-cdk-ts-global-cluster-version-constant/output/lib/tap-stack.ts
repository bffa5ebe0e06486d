import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

interface TapStackProps extends cdk.StackProps {
  environmentSuffix?: string;
}

// Aurora MySQL 3 (MySQL 8.0 compatible). Global database members must all run this version.
const AURORA_MYSQL_VERSION = '8.0.mysql_aurora.3.04.3';

export class TapStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: TapStackProps) {
    super(scope, id, props);

    const environmentSuffix =
      props?.environmentSuffix || this.node.tryGetContext('environmentSuffix') || 'dev';

    const vpc = ec2.Vpc.fromLookup(this, 'SharedVpc', { tags: { Name: 'shared-services' } });

    const globalCluster = new rds.CfnGlobalCluster(this, 'GlobalCluster', {
      globalClusterIdentifier: `orders-global-${environmentSuffix}`,
      engine: 'aurora-mysql',
      engineVersion: AURORA_MYSQL_VERSION,
      storageEncrypted: true,
      deletionProtection: false,
    });

    const cluster = new rds.DatabaseCluster(this, 'OrdersCluster', {
      engine: rds.DatabaseClusterEngine.auroraMysql({
        version: rds.AuroraMysqlEngineVersion.of(AURORA_MYSQL_VERSION, '8.0'),
      }),
      clusterIdentifier: `orders-primary-${environmentSuffix}`,
      writer: rds.ClusterInstance.provisioned('writer', {
        instanceType: ec2.InstanceType.of(ec2.InstanceClass.R6G, ec2.InstanceSize.LARGE),
      }),
      readers: [
        rds.ClusterInstance.provisioned('reader1', {
          instanceType: ec2.InstanceType.of(ec2.InstanceClass.R6G, ec2.InstanceSize.LARGE),
          promotionTier: 1,
        }),
      ],
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      storageEncrypted: true,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });

    // Make this cluster the primary of the global database.
    const cfnCluster = cluster.node.defaultChild as rds.CfnDBCluster;
    cfnCluster.globalClusterIdentifier = globalCluster.ref;
    cfnCluster.addDependency(globalCluster);

    new cdk.CfnOutput(this, 'GlobalClusterId', { value: globalCluster.ref });
    new cdk.CfnOutput(this, 'WriterEndpoint', { value: cluster.clusterEndpoint.hostname });
  }
}
