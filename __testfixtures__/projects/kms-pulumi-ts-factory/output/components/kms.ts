import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

export interface KmsKeyArgs {
  description: string;
  environmentSuffix: string;
  tags?: Record<string, string>;
}

/** Keys for the pipeline: rotated, with a short deletion window outside production. */
export function createKmsKey(name: string, args: KmsKeyArgs): aws.kms.Key {
  const key = new aws.kms.Key(`${name}-${args.environmentSuffix}`, {
    description: args.description,
    enableKeyRotation: true,
    deletionWindowInDays: args.environmentSuffix === 'prod' ? 30 : 7,
    tags: { ...args.tags, Name: `${name}-${args.environmentSuffix}` },
    policy: pulumi.all([aws.getRegionOutput().name, aws.getCallerIdentityOutput().accountId]).apply(([region, accountId]) =>
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
  new aws.kms.Alias(`${name}-alias-${args.environmentSuffix}`, {
    name: `alias/media/${name}-${args.environmentSuffix}`,
    targetKeyId: key.keyId,
  });
  return key;
}
