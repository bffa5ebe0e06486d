import { Construct } from 'constructs';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';

export interface KmsModuleProps {
  environmentSuffix: string;
}

/** The stack's customer managed key and its policy. */
export class KmsModule extends Construct {
  public readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: KmsModuleProps) {
    super(scope, id);
    const current = new DataAwsCallerIdentity(this, 'current');
    const region = new DataAwsRegion(this, 'region');

    const keyPolicy = new DataAwsIamPolicyDocument(this, 'key-policy', {
      statement: [
        {
          sid: 'RootAccess',
          effect: 'Allow',
          principals: [{ type: 'AWS', identifiers: [`arn:aws:iam::${current.accountId}:root`] }],
          actions: ['kms:*'],
          resources: ['*'],
        },
        {
          sid: 'CloudWatchLogs',
          effect: 'Allow',
          principals: [
            { type: 'Service', identifiers: [`logs.${region.name}.amazonaws.com`] },
          ],
          actions: [
            'kms:Encrypt*',
            'kms:Decrypt*',
            'kms:ReEncrypt*',
            'kms:GenerateDataKey*',
            'kms:CreateGrant',
            'kms:Describe*',
          ],
          resources: ['*'],
          condition: [
            {
              test: 'ArnLike',
              variable: 'kms:EncryptionContext:aws:logs:arn',
              values: [`arn:aws:logs:${region.name}:${current.accountId}:log-group:*`],
            },
          ],
        },
      ],
    });

    this.key = new KmsKey(this, 'logs-key', {
      description: `Application logs (${props.environmentSuffix}) in ${region.name}`,
      enableKeyRotation: true,
      policy: keyPolicy.json,
    });
  }
}

export interface LoggingModuleProps {
  environmentSuffix: string;
  kmsKeyArn: string;
}

export class LoggingModule extends Construct {
  public readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: LoggingModuleProps) {
    super(scope, id);
    this.logGroup = new CloudwatchLogGroup(this, 'app-log-group', {
      name: `/aws/ecs/tap-app-${props.environmentSuffix}`,
      retentionInDays: 7,
      kmsKeyId: props.kmsKeyArn,
    });
  }
}
