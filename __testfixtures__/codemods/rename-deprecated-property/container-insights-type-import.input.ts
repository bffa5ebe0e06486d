import { Stack } from 'aws-cdk-lib';
import type { ClusterProps } from 'aws-cdk-lib/aws-ecs';
import { Cluster } from 'aws-cdk-lib/aws-ecs';
import type { Construct } from 'constructs';

const defaults: ClusterProps = {
  containerInsights: false,
  enableFargateCapacityProviders: true,
};

export class SharedCluster extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new Cluster(this, 'Shared', { ...defaults, clusterName: 'shared' });
  }
}
