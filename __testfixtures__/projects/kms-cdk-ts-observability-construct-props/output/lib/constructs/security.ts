import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface SecurityConstructProps {
  environmentSuffix: string;
}

/**
 * Customer managed keys for the stack: one for data at rest in S3, one for CloudWatch Logs.
 * Keeping them apart lets us rotate or revoke log access without touching the data.
 */
export class SecurityConstruct extends Construct {
  public readonly dataKey: kms.Key;
  public readonly logsKey: kms.Key;

  constructor(scope: Construct, id: string, props: SecurityConstructProps) {
    super(scope, id);

    this.dataKey = new kms.Key(this, 'DataKey', {
      alias: `alias/tap-data-${props.environmentSuffix}`,
      description: `TAP data encryption key (${props.environmentSuffix})`,
      enableKeyRotation: true,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });

    this.logsKey = new kms.Key(this, 'LogsKey', {
      alias: `alias/tap-logs-${props.environmentSuffix}`,
      description: `TAP log encryption key (${props.environmentSuffix})`,
      enableKeyRotation: true,
      pendingWindow: cdk.Duration.days(7),
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });
    this.logsKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsUseOfTheKey',
      principals: [new iam.ServicePrincipal(`logs.${cdk.Stack.of(this).region}.amazonaws.com`)],
      actions: [
        'kms:Encrypt*',
        'kms:Decrypt*',
        'kms:ReEncrypt*',
        'kms:GenerateDataKey*',
        'kms:CreateGrant',
        'kms:Describe*',
      ],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${cdk.Stack.of(this).region}:${cdk.Stack.of(this).account}:log-group:*`,
        },
      },
    }));
  }
}
