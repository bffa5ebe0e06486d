import { Stack, type StackProps } from 'aws-cdk-lib';
import { Vpc } from 'aws-cdk-lib/aws-ec2';
import { Cluster, FargateService, ContainerInsights } from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';

export class ComputeStack extends Stack {
  readonly cluster: Cluster;
  readonly services: FargateService[] = [];

  constructor(scope: Construct, id: string, props: StackProps & { vpc: Vpc }) {
    super(scope, id, props);
    this.cluster = new Cluster(this, 'AppCluster', {
      vpc: props.vpc,
      clusterName: 'app-cluster',
      containerInsightsV2: ContainerInsights.ENABLED,
      enableFargateCapacityProviders: true,
    });
  }
}
