import { Stack, StackProps, aws_kms as kms, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export class TelemetryStack extends Stack {
  // Created with the stack; other stacks read it.
  public readonly telemetryKey = new kms.Key(this, 'TelemetryKey', { enableKeyRotation: true });

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    new logs.LogGroup(this, 'CollectorLogs', {
      logGroupName: '/telemetry/collector',
      encryptionKey: this.telemetryKey,
    });
  }
}
