const { Stack } = require('aws-cdk-lib');
const { RestApi, LambdaIntegration, MethodLoggingLevel } = require('aws-cdk-lib/aws-apigateway');

class WebhooksStack extends Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    // Access logs and execution logs at INFO.
    const api = new RestApi(this, 'WebhooksApi', {
      restApiName: `webhooks-${props.stage}`,
      deployOptions: { loggingLevel: MethodLoggingLevel.INFO, dataTraceEnabled: false },
    });
    api.root.addMethod('POST', new LambdaIntegration(props.handler));
  }
}

module.exports = { WebhooksStack };
