import * as cdk from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export class ApiStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const handler = new lambda.Function(this, 'OrdersHandler', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('dist/orders'),
      timeout: cdk.Duration.seconds(10),
      logRetention: logs.RetentionDays.TWO_WEEKS,
    });
    new cdk.CfnOutput(this, 'OrdersHandlerArn', { value: handler.functionArn });
  }
}
