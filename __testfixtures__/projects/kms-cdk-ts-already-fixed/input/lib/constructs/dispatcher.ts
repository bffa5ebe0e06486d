import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface DispatcherProps {
  readonly environmentSuffix: string;
  readonly logsKey: kms.IKey;
  readonly topic: sns.ITopic;
}

export class Dispatcher extends Construct {
  constructor(scope: Construct, id: string, props: DispatcherProps) {
    super(scope, id);

    const logGroup = new logs.LogGroup(this, 'DispatcherLogs', {
      logGroupName: `/aws/lambda/notification-dispatcher-${props.environmentSuffix}`,
      encryptionKey: props.logsKey,
      retention: logs.RetentionDays.THREE_MONTHS,
    });

    const fn = new lambda.Function(this, 'Function', {
      functionName: `notification-dispatcher-${props.environmentSuffix}`,
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('dist/dispatcher'),
      logGroup,
      environment: { TOPIC_ARN: props.topic.topicArn },
    });
    props.topic.grantPublish(fn);
  }
}
