import { Stack, StackProps, aws_kms as kms, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
export class L1Stack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const key = new kms.CfnKey(this, 'Key', {
      keyPolicy: {
        Version: '2012-10-17',
        Statement: [{
          Sid: 'Root',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${this.account}:root` },
          Action: 'kms:*',
          Resource: '*',
        }, {
          Sid: 'AllowCloudWatchLogsUseOfTheKey',
          Effect: 'Allow',
          Principal: { Service: `logs.${this.region}.amazonaws.com` },
          Action: [
            'kms:Encrypt*',
            'kms:Decrypt*',
            'kms:ReEncrypt*',
            'kms:GenerateDataKey*',
            'kms:CreateGrant',
            'kms:Describe*',
          ],
          Resource: '*',
          Condition: {
            ArnLike: {
              'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${this.region}:${this.account}:log-group:*`,
            },
          },
        }],
      },
    });
    new logs.CfnLogGroup(this, 'AppLogs', { kmsKeyId: key.attrArn, retentionInDays: 7 });
  }
}
