import * as cdk from 'aws-cdk-lib';

export class CacheStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    new cdk.aws_ecr.Repository(this, 'Cache', { emptyOnDelete: true, removalPolicy: cdk.RemovalPolicy.DESTROY });
  }
}
