import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

export interface PaymentsDataStackProps extends cdk.StackProps {
  readonly environmentSuffix: string;
}

export class PaymentsDataStack extends cdk.Stack {
  public readonly cluster: rds.DatabaseCluster;

  constructor(scope: Construct, id: string, props: PaymentsDataStackProps) {
    super(scope, id, props);
    const { environmentSuffix } = props;

    const vpc = ec2.Vpc.fromLookup(this, 'SharedVpc', { vpcName: `shared-${environmentSuffix}` });

    // The global database the secondary region joins later.
    const globalCluster = new rds.CfnGlobalCluster(this, 'GlobalCluster', {
      globalClusterIdentifier: `payments-global-${environmentSuffix}`,
      engine: 'aurora-postgresql',
      engineVersion: '15.8',
      storageEncrypted: true,
      deletionProtection: environmentSuffix === 'prod',
    });

    this.cluster = new rds.DatabaseCluster(this, `AuroraCluster-${environmentSuffix}`, {
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_15_8 }),
      writer: rds.ClusterInstance.provisioned('writer', {
        instanceType: ec2.InstanceType.of(ec2.InstanceClass.R6G, ec2.InstanceSize.LARGE),
      }),
      readers: [
        rds.ClusterInstance.provisioned('reader', {
          instanceType: ec2.InstanceType.of(ec2.InstanceClass.R6G, ec2.InstanceSize.LARGE),
        }),
      ],
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      defaultDatabaseName: 'payments',
      storageEncrypted: true,
      removalPolicy: environmentSuffix === 'prod' ? cdk.RemovalPolicy.RETAIN : cdk.RemovalPolicy.DESTROY,
    });

    const cfnCluster = this.cluster.node.defaultChild as rds.CfnDBCluster;
    cfnCluster.globalClusterIdentifier = globalCluster.ref;
    cfnCluster.addDependency(globalCluster);

    new cdk.CfnOutput(this, 'ClusterEndpoint', { value: this.cluster.clusterEndpoint.hostname });
  }
}
