import * as cdk from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface OrdersStackProps extends cdk.StackProps {
  environmentSuffix: string;
}

export class OrdersStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: OrdersStackProps) {
    super(scope, id, props);

    // Customer managed key for everything the processing pipeline writes.
    const logsKey = new kms.Key(this, 'LogsKey', {
      description: `Orders log encryption (${props.environmentSuffix})`,
      enableKeyRotation: true,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });

    const processingLogs = new logs.LogGroup(this, 'ProcessingLogs', {
      logGroupName: `/orders/${props.environmentSuffix}/processing`,
      encryptionKey: logsKey,
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });

    // Plain log group, no key: must be left alone.
    new logs.LogGroup(this, 'DebugLogs', {
      retention: logs.RetentionDays.ONE_DAY,
    });

    new lambda.Function(this, 'Processor', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('lambda/processor'),
      logGroup: processingLogs,
    });
  }
}
