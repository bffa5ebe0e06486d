import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export class ExportStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const exportKey = new kms.Key(this, 'ExportKey', { enableKeyRotation: true });
    exportKey.grantEncryptDecrypt(new iam.ServicePrincipal('logs.amazonaws.com'));

    new logs.LogGroup(this, 'ExportLogs', { logGroupName: '/export/jobs', encryptionKey: exportKey });
  }
}
