import { App, RemovalPolicy, Stack, StackProps, aws_ecr as ecr } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

const isEphemeral = process.env.STAGE?.startsWith('pr-') ?? false;

class PreviewImagesStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);

    const repoProps: ecr.RepositoryProps = {
      repositoryName: `preview/${id.toLowerCase()}`,
      removalPolicy: isEphemeral ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
      emptyOnDelete: isEphemeral,
    };
    new ecr.Repository(this, 'Images', repoProps);
  }
}

const app = new App();
new PreviewImagesStack(app, 'PreviewImages', { env: { account: '123456789012', region: 'us-west-2' } });
