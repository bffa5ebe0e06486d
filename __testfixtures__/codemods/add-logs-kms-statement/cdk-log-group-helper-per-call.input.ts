import * as cdk from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Every log group of the platform: a year of retention, kept on stack deletion. */
function createLogGroup(scope: Construct, id: string, name: string, key: kms.IKey): logs.LogGroup {
  return new logs.LogGroup(scope, id, {
    logGroupName: name,
    encryptionKey: key,
    retention: logs.RetentionDays.ONE_YEAR,
    removalPolicy: cdk.RemovalPolicy.RETAIN,
  });
}

export class PlatformStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: cdk.StackProps & { env_: string }) {
    super(scope, id, props);
    const appKey = new kms.Key(this, 'AppLogsKey', { enableKeyRotation: true });
    const auditKey = new kms.Key(this, 'AuditLogsKey', { enableKeyRotation: true });

    createLogGroup(this, 'AppLogs', `/platform/app-${props.env_}`, appKey);
    createLogGroup(this, 'AuditLogs', `/platform/audit-${props.env_}`, auditKey);
  }
}
