import * as cdk from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { SecurityBaseline } from './security';

export class AuditStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const baseline = new SecurityBaseline(this, 'Baseline');

    new logs.LogGroup(this, 'AuditTrailLogs', {
      logGroupName: '/audit/trail',
      encryptionKey: baseline.logsKey,
      retention: logs.RetentionDays.ONE_YEAR,
    });
  }
}
