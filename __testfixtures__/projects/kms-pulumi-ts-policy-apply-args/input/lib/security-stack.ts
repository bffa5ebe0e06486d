import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

export interface SecurityStackArgs {
  environmentSuffix: string;
  tags: pulumi.Input<{ [key: string]: string }>;
}

export class SecurityStack extends pulumi.ComponentResource {
  public readonly logsKey: aws.kms.Key;

  constructor(name: string, args: SecurityStackArgs, opts?: pulumi.ComponentResourceOptions) {
    super('tap:security:SecurityStack', name, args, opts);

    const { environmentSuffix, tags } = args;
    const current = aws.getCallerIdentityOutput({}, { parent: this });
    const region = aws.getRegionOutput({}, { parent: this });

    this.logsKey = new aws.kms.Key(
      `tap-logs-key-${environmentSuffix}`,
      {
        description: `Encrypts TAP log groups (${environmentSuffix})`,
        enableKeyRotation: true,
        deletionWindowInDays: 7,
        policy: pulumi.all([current.accountId, region.name]).apply(([accountId, regionName]) =>
          JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'EnableRootAccountAccess',
                Effect: 'Allow',
                Principal: { AWS: `arn:aws:iam::${accountId}:root` },
                Action: 'kms:*',
                Resource: '*',
              },
              {
                Sid: 'AllowLambdaViaService',
                Effect: 'Allow',
                Principal: { AWS: `arn:aws:iam::${accountId}:root` },
                Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
                Resource: '*',
                Condition: {
                  StringEquals: { 'kms:ViaService': `lambda.${regionName}.amazonaws.com` },
                },
              },
            ],
          })
        ),
        tags,
      },
      { parent: this }
    );

    new aws.kms.Alias(
      `tap-logs-key-alias-${environmentSuffix}`,
      {
        name: `alias/tap-logs-${environmentSuffix}`,
        targetKeyId: this.logsKey.keyId,
      },
      { parent: this }
    );

    this.registerOutputs({ logsKeyArn: this.logsKey.arn });
  }
}
