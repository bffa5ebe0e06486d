import * as aws from '@pulumi/aws';

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
  });
  new aws.kms.Alias(`${name}-alias-${args.environmentSuffix}`, {
    name: `alias/media/${name}-${args.environmentSuffix}`,
    targetKeyId: key.keyId,
  });
  return key;
}
