import * as cdk from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { BuildImages } from './build-images';

interface TapStackProps extends cdk.StackProps {
  environmentSuffix?: string;
}

const SERVICES = ['api', 'worker', 'scheduler'] as const;

export class TapStack extends cdk.Stack {
  public readonly repositories: Record<string, ecr.Repository> = {};

  constructor(scope: Construct, id: string, props?: TapStackProps) {
    super(scope, id, props);

    const environmentSuffix =
      props?.environmentSuffix || this.node.tryGetContext('environmentSuffix') || 'dev';

    SERVICES.forEach((service) => {
      this.repositories[service] = new ecr.Repository(this, `${service}Repository`, {
        repositoryName: `tap-${service}-${environmentSuffix}`,
        imageScanOnPush: true,
        imageTagMutability: ecr.TagMutability.IMMUTABLE,
        lifecycleRules: [{ description: 'Keep the last 20 images', maxImageCount: 20 }],
        // Preview environments are torn down with the PR.
        removalPolicy: cdk.RemovalPolicy.DESTROY,
        emptyOnDelete: true,
      });
    });

    new BuildImages(this, 'BuildImages', { environmentSuffix });

    const cluster = new ecs.Cluster(this, 'Cluster', {
      clusterName: `tap-cluster-${environmentSuffix}`,
    });

    new cdk.CfnOutput(this, 'ClusterName', { value: cluster.clusterName });
  }
}
