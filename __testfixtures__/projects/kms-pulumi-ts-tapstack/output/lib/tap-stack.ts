/**
 * tap-stack.ts
 *
 * Event ingestion: an SQS queue, a processing Lambda and its encrypted log group.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

export interface TapStackArgs {
  environmentSuffix?: string;
  tags?: pulumi.Input<{ [key: string]: string }>;
}

export class TapStack extends pulumi.ComponentResource {
  public readonly queueUrl: pulumi.Output<string>;

  constructor(name: string, args: TapStackArgs, opts?: pulumi.ResourceOptions) {
    super('tap:stack:TapStack', name, args, opts);
    const environmentSuffix = args.environmentSuffix || 'dev';
    const tags = args.tags || {};

    const kmsKey = new aws.kms.Key(
      `event-logs-key-${environmentSuffix}`,
      {
        description: `Event processor logs (${environmentSuffix})`,
        enableKeyRotation: true,
        deletionWindowInDays: 7,
        policy: pulumi.all([pulumi.output(aws.getCallerIdentity()), aws.getRegionOutput().name]).apply(([identity, region]) =>
          JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'Enable IAM User Permissions',
                Effect: 'Allow',
                Principal: { AWS: `arn:aws:iam::${identity.accountId}:root` },
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
                    'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${region}:${identity.accountId}:log-group:*`,
                  },
                },
              },
            ],
          })
        ),
        tags,
      },
      { parent: this }
    );

    const queue = new aws.sqs.Queue(
      `event-queue-${environmentSuffix}`,
      { name: `event-queue-${environmentSuffix}`, visibilityTimeoutSeconds: 180, tags },
      { parent: this }
    );

    const logGroup = new aws.cloudwatch.LogGroup(
      `event-processor-logs-${environmentSuffix}`,
      {
        name: `/aws/lambda/event-processor-${environmentSuffix}`,
        retentionInDays: 14,
        kmsKeyId: kmsKey.arn,
        tags,
      },
      { parent: this }
    );

    const role = new aws.iam.Role(
      `event-processor-role-${environmentSuffix}`,
      { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: 'lambda.amazonaws.com' }), tags },
      { parent: this }
    );

    new aws.lambda.Function(
      `event-processor-${environmentSuffix}`,
      {
        name: `event-processor-${environmentSuffix}`,
        runtime: aws.lambda.Runtime.NodeJS20dX,
        handler: 'index.handler',
        role: role.arn,
        code: new pulumi.asset.AssetArchive({ 'index.js': new pulumi.asset.StringAsset('exports.handler = async () => {};') }),
        loggingConfig: { logFormat: 'JSON', logGroup: logGroup.name },
        environment: { variables: { QUEUE_URL: queue.url } },
        tags,
      },
      { parent: this, dependsOn: [logGroup] }
    );

    this.queueUrl = queue.url;
    this.registerOutputs({ queueUrl: this.queueUrl });
  }
}
