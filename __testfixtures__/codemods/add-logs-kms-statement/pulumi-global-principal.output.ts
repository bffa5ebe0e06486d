import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const key = new aws.kms.Key('app-key', {
  policy: pulumi.all([aws.getRegionOutput().name]).apply(([region]) => JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' },
      {
        Sid: 'Logs',
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
            'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${region}:123456789012:log-group:*`,
          },
        },
      },
    ],
  })),
});

new aws.cloudwatch.LogGroup('app-logs', { kmsKeyId: key.arn });
