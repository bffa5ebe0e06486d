import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const current = aws.getCallerIdentityOutput();
const name = pulumi.getProject();

const key = new aws.kms.Key(`${name}-key`, {
  description: 'KMS key for CloudWatch Logs',
  deletionWindowInDays: 10,
  enableKeyRotation: true,
  policy: pulumi.all([aws.getRegionOutput().name, current.accountId]).apply(([region, accountId]) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'EnableRootAccountPermissions',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${accountId}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
        {
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
        },
      ],
    }),
  ),
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
