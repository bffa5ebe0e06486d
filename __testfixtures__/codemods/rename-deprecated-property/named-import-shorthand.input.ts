import { RemovalPolicy } from 'aws-cdk-lib';
import { Repository, TagStatus } from 'aws-cdk-lib/aws-ecr';
import { Construct } from 'constructs';

export interface ServiceImagesProps {
  readonly name: string;
  /** Delete images with the repository (non-prod only). */
  readonly autoDeleteImages?: boolean;
}

export class ServiceImages extends Construct {
  readonly repo: Repository;

  constructor(scope: Construct, id: string, { name, autoDeleteImages = false }: ServiceImagesProps) {
    super(scope, id);
    this.repo = new Repository(this, 'Repo', {
      repositoryName: name,
      removalPolicy: autoDeleteImages ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
      autoDeleteImages,
    });
    this.repo.addLifecycleRule({ tagStatus: TagStatus.UNTAGGED, maxImageAge: undefined, maxImageCount: 5 });
  }
}
