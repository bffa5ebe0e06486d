const cdk = require('aws-cdk-lib');
const { aws_ecr: ecr, aws_s3: s3 } = require('aws-cdk-lib');

/** Throwaway resources for experiments; everything is deleted with the stack. */
class SandboxStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);

    new s3.Bucket(this, 'Scratch', {
      removalPolicy: cdk.RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    new ecr.Repository(this, 'Experiments', {
      repositoryName: `sandbox-experiments-${props.suffix}`,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
      emptyOnDelete: true,
    });
  }
}

module.exports = { SandboxStack };
