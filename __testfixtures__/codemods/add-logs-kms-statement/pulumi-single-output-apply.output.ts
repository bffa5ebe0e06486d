import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const env = pulumi.getStack();

const key = new aws.kms.Key(`jobs-key-${env}`, {
  enableKeyRotation: true,
  policy: pulumi.all([aws.getCallerIdentityOutput().accountId, aws.getRegionOutput().name]).apply(([accountId, region]) => JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'Root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'kms:*', Resource: '*' }, {
      Sid: 'AllowCloudWatchLogsUseOfTheKey',
      Effect: 'Allow',
      Principal: { Service: `logs.${region}.amazonaws.com` },
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
          'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${region}:${accountId}:log-group:*`,
        },
      },
    }],
  })),
});

new aws.cloudwatch.LogGroup(`jobs-logs-${env}`, { name: `/jobs/${env}`, kmsKeyId: key.arn });
