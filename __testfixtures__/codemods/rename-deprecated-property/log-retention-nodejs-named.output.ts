import { Duration, Stack, StackProps } from 'aws-cdk-lib';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { RetentionDays, LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export class WebhookStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    new NodejsFunction(this, "Webhook", {
      entry: 'src/webhook.ts',
      runtime: Runtime.NODEJS_20_X,
      memorySize: 256,
      timeout: Duration.seconds(5),
      logGroup: new LogGroup(this, "WebhookLogGroup", { retention: RetentionDays.ONE_MONTH }), // keep in line with the audit policy
    });
  }
}
