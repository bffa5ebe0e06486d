import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export class EncryptionConstruct extends Construct {
  public readonly logsKey: kms.Key;

  constructor(scope: Construct, id: string, props: { environmentSuffix: string }) {
    super(scope, id);
    const stack = cdk.Stack.of(this);

    this.logsKey = new kms.Key(this, 'LogsKey', {
      alias: `alias/notifications-logs-${props.environmentSuffix}`,
      enableKeyRotation: true,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });
    // CloudWatch Logs uses the key as its regional service principal.
    this.logsKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchLogs',
        principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${stack.region}:${stack.account}:log-group:*` },
        },
      }),
    );
  }
}
