import * as cdk from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export class ReportsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const key = new kms.Key(this, 'ReportsKey');

    new logs.LogGroup(this, 'ReportsLogs', { encryptionKey: key });
    // The failing one: no key at all, so the key policy is not what broke it.
    new logs.LogGroup(this, 'ExportLogs', { retention: logs.RetentionDays.ONE_WEEK });
  }
}
