import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const current = aws.getCallerIdentityOutput();
const name = pulumi.getProject();

const key = new aws.kms.Key(`${name}-key`, {
  description: 'KMS key for CloudWatch Logs',
  deletionWindowInDays: 10,
  enableKeyRotation: true,
});

new aws.kms.Alias(`${name}-key-alias`, {
  name: `alias/${name}-logs`,
  targetKeyId: key.keyId,
});

const workerLogs = new aws.cloudwatch.LogGroup(`${name}-worker-logs`, {
  name: `/ecs/${name}/worker`,
  retentionInDays: 7,
  kmsKeyId: key.arn,
});

export const workerLogGroup = workerLogs.name;
export const accountId = current.accountId;
