import * as cdk from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { Construct } from 'constructs';

export interface BuildImagesProps {
  environmentSuffix: string;
}

/** Base images the CI builds once a week and the service images start from. */
export class BuildImages extends Construct {
  public readonly baseRepository: ecr.Repository;

  constructor(scope: Construct, id: string, props: BuildImagesProps) {
    super(scope, id);

    this.baseRepository = new ecr.Repository(this, 'BaseImages', {
      repositoryName: `tap-base-images-${props.environmentSuffix}`,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
      autoDeleteImages: true,
    });
  }
}
