import * as aws from '@pulumi/aws';

const api = new aws.apigateway.RestApi('orders-api', { name: 'orders' });
const deployment = new aws.apigateway.Deployment('orders-deployment', { restApi: api.id });
const stage = new aws.apigateway.Stage('prod', { restApi: api.id, deployment: deployment.id, stageName: 'prod' });
new aws.apigateway.MethodSettings('all', {
  restApi: api.id,
  stageName: stage.stageName,
  methodPath: '*/*',
  settings: { loggingLevel: 'INFO', dataTraceEnabled: true },
});
