const { Stack } = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const logs = require('aws-cdk-lib/aws-logs');

class JobsStack extends Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    new lambda.Function(this, 'NightlyJob', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('jobs'),
      logGroup: new logs.LogGroup(this, 'NightlyJobLogGroup', { retention: 30 }),
    });
  }
}

module.exports = { JobsStack };
