import { Stack, StackProps, aws_iam as iam, aws_kms as kms, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export class TelemetryStack extends Stack {
  // Created with the stack; other stacks read it.
  public readonly telemetryKey = new kms.Key(this, 'TelemetryKey', { enableKeyRotation: true });

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.telemetryKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsUseOfTheKey',
      principals: [new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
      actions: [
        'kms:Encrypt*',
        'kms:Decrypt*',
        'kms:ReEncrypt*',
        'kms:GenerateDataKey*',
        'kms:CreateGrant',
        'kms:Describe*',
      ],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${this.region}:${this.account}:log-group:*`,
        },
      },
    }));

    new logs.LogGroup(this, 'CollectorLogs', {
      logGroupName: '/telemetry/collector',
      encryptionKey: this.telemetryKey,
    });
  }
}
