import * as cdk from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export class ReportsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const ownKey = new kms.Key(this, 'ReportsKey', { enableKeyRotation: true });
    const sharedKey = kms.Key.fromKeyArn(this, 'SharedKey', 'arn:aws:kms:us-east-1:111122223333:key/0a1b2c3d-0000-4000-8000-000000000001');

    new logs.LogGroup(this, 'ReportsLogs', { logGroupName: '/reports/app', encryptionKey: ownKey });
    new logs.LogGroup(this, 'SharedLogs', { logGroupName: '/reports/shared', encryptionKey: sharedKey });
  }
}
