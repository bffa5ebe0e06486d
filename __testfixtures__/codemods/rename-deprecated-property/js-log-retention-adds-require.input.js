const { Stack } = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

class JobsStack extends Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    new lambda.Function(this, 'NightlyJob', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('jobs'),
      logRetention: 30,
    });
  }
}

module.exports = { JobsStack };
