import * as cdk from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export class ArtifactsStack extends cdk.Stack {
  public readonly repository: ecr.IRepository;

  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    this.repository = new ecr.Repository(this, 'ApiImages', {
      repositoryName: 'acme/api',
      imageScanOnPush: true,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
      emptyOnDelete: true, // dev stacks only: see README
      lifecycleRules: [{ maxImageCount: 20 }],
    });

    new ecr.Repository(this, "WorkerImages", { "emptyOnDelete": false, imageTagMutability: ecr.TagMutability.IMMUTABLE });

    new s3.Bucket(this, 'BuildCache', {
      removalPolicy: cdk.RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    // Not an ECR repository: a settings object that happens to share the name.
    const cleanupSettings = { autoDeleteImages: true, retainDays: 7 };
    new cdk.CfnOutput(this, 'Cleanup', { value: JSON.stringify(cleanupSettings) });
  }
}
