import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { DatabaseConstruct } from './database-construct';

interface TapStackProps extends cdk.StackProps {
  environmentSuffix?: string;
}

export class TapStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: TapStackProps) {
    super(scope, id, props);

    const environmentSuffix =
      props?.environmentSuffix || this.node.tryGetContext('environmentSuffix') || 'dev';

    const vpc = new ec2.Vpc(this, 'Vpc', {
      vpcName: `tap-vpc-${environmentSuffix}`,
      maxAzs: 2,
      natGateways: 1,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'app', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
        { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
    });

    const database = new DatabaseConstruct(this, 'Database', {
      environmentSuffix,
      vpc,
    });

    new cdk.CfnOutput(this, 'ClusterEndpoint', {
      value: database.cluster.clusterEndpoint.hostname,
    });
    new cdk.CfnOutput(this, 'ClusterSecretArn', {
      value: database.cluster.secret?.secretArn ?? 'none',
    });
  }
}
