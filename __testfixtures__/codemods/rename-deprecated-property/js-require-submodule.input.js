const { Stack, RemovalPolicy } = require('aws-cdk-lib');
const ecr = require('aws-cdk-lib/aws-ecr');

class ArtifactsStack extends Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    this.repository = new ecr.Repository(this, 'Artifacts', {
      repositoryName: `artifacts-${props.stage}`,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteImages: true,
    });
  }
}

module.exports = { ArtifactsStack };
