import * as cdk from 'aws-cdk-lib';
import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export class EdgeStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new apigw.RestApi(this, 'PublicApi', {
      deployOptions: { loggingLevel: apigw.MethodLoggingLevel.INFO },
      cloudWatchRole: true,
    });
    new apigw.RestApi(this, 'AdminApi', {
      deployOptions: { metricsEnabled: true },
    });
  }
}
