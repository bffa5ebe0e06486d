import { Duration, RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { Construct } from 'constructs';

interface CiStackProps extends StackProps {
  stage: string;
  services: string[];
}

export class CiStack extends Stack {
  constructor(scope: Construct, id: string, props: CiStackProps) {
    super(scope, id, props);

    // Every service repository is disposable outside prod.
    const repositoryDefaults = {
      removalPolicy: props.stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteImages: props.stage !== 'prod',
      imageScanOnPush: true,
    };

    for (const service of props.services) {
      new ecr.Repository(this, `${service}Repository`, {
        ...repositoryDefaults,
        repositoryName: `${service}-${props.stage}`,
      });
    }

    this.cacheRepository('BuildCache', { repositoryName: `build-cache-${props.stage}`, autoDeleteImages: true });
    this.cacheRepository('TestImages', { repositoryName: `test-images-${props.stage}` });
  }

  /** Short-lived images: expire after a week. */
  private cacheRepository(id: string, props: ecr.RepositoryProps): ecr.Repository {
    return new ecr.Repository(this, id, {
      ...props,
      removalPolicy: RemovalPolicy.DESTROY,
      lifecycleRules: [{ maxImageAge: Duration.days(7) }],
    });
  }
}
