import { Stack, StackProps } from 'aws-cdk-lib';
import { LambdaRestApi, MethodLoggingLevel } from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

export class OrdersApiStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const handler = new lambda.Function(this, 'OrdersHandler', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('lambda/orders'),
    });

    new LambdaRestApi(this, 'OrdersApi', {
      handler,
      proxy: true,
      deployOptions: {
        stageName: 'prod',
        loggingLevel: MethodLoggingLevel.INFO, // errors and info to CloudWatch
        dataTraceEnabled: false,
      },
    });
  }
}
