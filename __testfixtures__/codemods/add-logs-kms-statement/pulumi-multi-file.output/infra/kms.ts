import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

export const region = aws.config.region!;

/** One key per service, created before anything that encrypts with it. */
export const logsKey = new aws.kms.Key('shipping-logs-key', {
  description: 'Shipping service logs',
  enableKeyRotation: true,
  policy: pulumi.all([aws.getCallerIdentityOutput().accountId]).apply(([accountId]) =>
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
