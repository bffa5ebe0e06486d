import * as cdk from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { Construct } from 'constructs';

export interface RegistryStackProps extends cdk.StackProps {
  readonly environmentSuffix: string;
}

/** Container registries for the build platform. */
export class RegistryStack extends cdk.Stack {
  public readonly repositories: ecr.Repository[] = [];

  constructor(scope: Construct, id: string, props: RegistryStackProps) {
    super(scope, id, props);
    const suffix = props.environmentSuffix;
    const ephemeral = suffix !== 'prod';

    this.repositories.push(this.serviceRepository('api', suffix, ephemeral));
    this.repositories.push(this.serviceRepository('worker', suffix, ephemeral));

    // Build cache images: always disposable.
    const cache = new ecr.Repository(this, `BuildCache-${suffix}`, {
      repositoryName: `build-cache-${suffix}`,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
      autoDeleteImages: true, // cleaned up with the stack
      lifecycleRules: [{ maxImageAge: cdk.Duration.days(14) }],
    });
    this.repositories.push(cache);

    // Base images are shared across environments and never deleted.
    new ecr.Repository(this, 'BaseImages', {
      repositoryName: 'base-images',
      imageScanOnPush: true,
      removalPolicy: cdk.RemovalPolicy.RETAIN,
    });
  }

  private serviceRepository(service: string, suffix: string, ephemeral: boolean): ecr.Repository {
    return new ecr.Repository(this, `${service}-repository-${suffix}`, {
      repositoryName: `${service}-${suffix}`,
      imageTagMutability: ecr.TagMutability.IMMUTABLE,
      removalPolicy: ephemeral ? cdk.RemovalPolicy.DESTROY : cdk.RemovalPolicy.RETAIN,
      autoDeleteImages: ephemeral,
    });
  }
}
