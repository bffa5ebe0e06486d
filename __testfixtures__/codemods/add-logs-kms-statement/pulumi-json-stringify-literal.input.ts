import * as pulumi from '@pulumi/pulumi';
import * as aws from '@pulumi/aws';

const config = new pulumi.Config();
const environment = config.require('environment');
const accountId = config.require('accountId');
const region = aws.config.region;

const tags = { Project: 'orders', Environment: environment };

export const logsKey = new aws.kms.Key('orders-logs-key', {
  description: `Orders log encryption (${environment})`,
  enableKeyRotation: true,
  deletionWindowInDays: 7,
  policy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'EnableRootAccountPermissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${accountId}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
    ],
  }),
  tags,
});

export const ordersLogs = new aws.cloudwatch.LogGroup('orders-logs', {
  name: `/orders/${environment}/api`,
  retentionInDays: 30,
  kmsKeyId: logsKey.arn,
  tags,
});
