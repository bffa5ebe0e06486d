import * as cdk from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface OrdersServiceStackProps extends cdk.StackProps {
  stage: string;
  /** The security account's logs key; every service account encrypts its logs with it. */
  sharedLogsKeyArn: string;
}

export class OrdersServiceStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: OrdersServiceStackProps) {
    super(scope, id, props);

    const logsKey = kms.Key.fromKeyArn(this, 'SharedLogsKey', props.sharedLogsKeyArn);

    const handlerLogs = new logs.LogGroup(this, 'OrdersHandlerLogs', {
      logGroupName: `/aws/lambda/orders-handler-${props.stage}`,
      encryptionKey: logsKey,
      retention: logs.RetentionDays.THREE_MONTHS,
    });

    new lambda.Function(this, 'OrdersHandler', {
      functionName: `orders-handler-${props.stage}`,
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('src/handler'),
      memorySize: 512,
      timeout: cdk.Duration.seconds(15),
      logGroup: handlerLogs,
    });
  }
}
