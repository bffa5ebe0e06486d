import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const env = pulumi.getStack();

const key = new aws.kms.Key(`jobs-key-${env}`, {
  enableKeyRotation: true,
  policy: aws.getCallerIdentityOutput().accountId.apply(accountId => JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'Root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'kms:*', Resource: '*' }],
  })),
});

new aws.cloudwatch.LogGroup(`jobs-logs-${env}`, { name: `/jobs/${env}`, kmsKeyId: key.arn });
