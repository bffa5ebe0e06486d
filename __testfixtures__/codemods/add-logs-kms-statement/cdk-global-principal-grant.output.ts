import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export class ExportStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const exportKey = new kms.Key(this, 'ExportKey', { enableKeyRotation: true });
    exportKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsUseOfTheKey',
      principals: [new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
      actions: [
        'kms:Encrypt*',
        'kms:Decrypt*',
        'kms:ReEncrypt*',
        'kms:GenerateDataKey*',
        'kms:CreateGrant',
        'kms:Describe*'
      ],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${this.region}:${this.account}:log-group:*`
        }
      }
    }));
    exportKey.grantEncryptDecrypt(new iam.ServicePrincipal('logs.amazonaws.com'));

    new logs.LogGroup(this, 'ExportLogs', { logGroupName: '/export/jobs', encryptionKey: exportKey });
  }
}
