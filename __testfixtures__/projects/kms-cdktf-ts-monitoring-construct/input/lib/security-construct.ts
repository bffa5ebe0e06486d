import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';

export interface SecurityConstructProps {
  environmentSuffix: string;
}

export class SecurityConstruct extends Construct {
  public readonly logsKey: KmsKey;

  constructor(scope: Construct, id: string, props: SecurityConstructProps) {
    super(scope, id);

    const caller = new DataAwsCallerIdentity(this, 'caller');
    const region = new DataAwsRegion(this, 'region');

    // Used by the ECS and audit log groups; CloudTrail writes with it too.
    this.logsKey = new KmsKey(this, 'logs-key', {
      description: `TAP log encryption key (${props.environmentSuffix})`,
      enableKeyRotation: true,
      deletionWindowInDays: 7,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'EnableRootPermissions',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${caller.accountId}:root` },
            Action: 'kms:*',
            Resource: '*',
          },
          {
            Sid: 'AllowCloudTrailEncrypt',
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: ['kms:GenerateDataKey*', 'kms:DescribeKey'],
            Resource: '*',
            Condition: {
              StringLike: {
                'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:${region.name}:${caller.accountId}:trail/*`,
              },
            },
          },
        ],
      }),
      tags: { Name: `tap-logs-key-${props.environmentSuffix}` },
    });

    new KmsAlias(this, 'logs-key-alias', {
      name: `alias/tap-logs-${props.environmentSuffix}`,
      targetKeyId: this.logsKey.keyId,
    });
  }
}
