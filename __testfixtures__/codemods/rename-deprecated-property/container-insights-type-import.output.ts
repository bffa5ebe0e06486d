import { Stack } from 'aws-cdk-lib';
import type { ClusterProps } from 'aws-cdk-lib/aws-ecs';
import { Cluster, ContainerInsights } from 'aws-cdk-lib/aws-ecs';
import type { Construct } from 'constructs';

const defaults: ClusterProps = {
  containerInsightsV2: ContainerInsights.DISABLED,
  enableFargateCapacityProviders: true,
};

export class SharedCluster extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new Cluster(this, 'Shared', { ...defaults, clusterName: 'shared' });
  }
}
