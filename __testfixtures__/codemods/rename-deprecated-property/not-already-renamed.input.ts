import * as cdk from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { Construct } from 'constructs';

export class ImagesStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new ecr.Repository(this, 'Images', { emptyOnDelete: true, removalPolicy: cdk.RemovalPolicy.DESTROY });
  }
}
