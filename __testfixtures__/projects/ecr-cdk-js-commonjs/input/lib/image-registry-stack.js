const { Stack, RemovalPolicy, Duration } = require('aws-cdk-lib');
const ecr = require('aws-cdk-lib/aws-ecr');

class ImageRegistryStack extends Stack {
  /**
   * @param {import('constructs').Construct} scope
   * @param {string} id
   * @param {{ suffix: string } & import('aws-cdk-lib').StackProps} props
   */
  constructor(scope, id, props) {
    super(scope, id, props);
    const { suffix } = props;

    this.appRepository = new ecr.Repository(this, 'AppRepository', {
      repositoryName: `image-pipeline/app-${suffix}`,
      imageScanOnPush: true,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteImages: true,
    });

    // Release images are kept even when the stack goes.
    this.releaseRepository = new ecr.Repository(this, 'ReleaseRepository', {
      repositoryName: `image-pipeline/release-${suffix}`,
      lifecycleRules: [{ maxImageAge: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

module.exports = { ImageRegistryStack };
