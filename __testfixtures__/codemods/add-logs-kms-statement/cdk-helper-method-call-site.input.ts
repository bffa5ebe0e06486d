import * as cdk from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export class AlertsStack extends cdk.Stack {
  private topicKey!: kms.Key;
  private logsKey!: kms.Key;

  constructor(scope: Construct, id: string, private readonly stage: string, props?: cdk.StackProps) {
    super(scope, id, props);
    this.createKeys();

    new sns.Topic(this, 'Alerts', { topicName: `alerts-${stage}`, masterKey: this.topicKey });
    new logs.LogGroup(this, `AlertRouterLogs${stage}`, {
      logGroupName: `/aws/lambda/alert-router-${stage}`,
      encryptionKey: this.logsKey,
    });
  }

  private createKeys(): void {
    this.topicKey = this.makeKey('Topic');
    this.logsKey = this.makeKey('Logs'); // log groups only
  }

  /** Rotated keys with an alias per stage. */
  private makeKey(purpose: string): kms.Key {
    return new kms.Key(this, `${purpose}Key`, {
      alias: `alias/alerts-${purpose.toLowerCase()}-${this.stage}`,
      enableKeyRotation: true,
    });
  }
}
