import * as aws from '@pulumi/aws';

const key = new aws.kms.Key('app-key', {
  policy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' },
      {
        Sid: 'Logs',
        Effect: 'Allow',
        Principal: { Service: 'logs.amazonaws.com' },
        Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        Resource: '*',
      },
    ],
  }),
});

new aws.cloudwatch.LogGroup('app-logs', { kmsKeyId: key.arn });
