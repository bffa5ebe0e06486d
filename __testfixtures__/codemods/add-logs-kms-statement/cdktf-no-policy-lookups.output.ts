import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import * as aws from '@cdktf/provider-aws';

export class QueueStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new aws.provider.AwsProvider(this, 'aws', {});

    const callerIdentity = new aws.dataAwsCallerIdentity.DataAwsCallerIdentity(this, 'caller-identity');
    const currentRegion = new aws.dataAwsRegion.DataAwsRegion(this, 'current-region');
    const key = new aws.kmsKey.KmsKey(this, 'consumer-logs-key', {
      enableKeyRotation: true,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'EnableRootAccountPermissions',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${callerIdentity.accountId}:root` },
            Action: 'kms:*',
            Resource: '*',
          },
          {
            Sid: 'AllowCloudWatchLogsUseOfTheKey',
            Effect: 'Allow',
            Principal: { Service: `logs.${currentRegion.name}.amazonaws.com` },
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
                'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${currentRegion.name}:${callerIdentity.accountId}:log-group:*`,
              },
            },
          },
        ],
      }),
    });

    new aws.cloudwatchLogGroup.CloudwatchLogGroup(this, 'consumer-logs', {
      name: '/queue/consumer',
      kmsKeyId: key.arn,
    });
  }
}
