import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';

export class VpcStack extends TerraformStack {
  constructor(scope: Construct, id: string, environmentSuffix: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'us-west-2' });
    const caller = new DataAwsCallerIdentity(this, 'caller');
    const region = new DataAwsRegion(this, 'region');

    const flowLogsKey = new KmsKey(this, 'flow-logs-key', {
      description: 'VPC flow logs',
      enableKeyRotation: true,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'Root',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${caller.accountId}:root` },
            Action: 'kms:*',
            Resource: '*',
          },
        ],
      }),
    });

    new CloudwatchLogGroup(this, 'flow-logs', {
      name: `/vpc/flow-logs-${environmentSuffix}`,
      kmsKeyId: flowLogsKey.arn,
      retentionInDays: 90,
    });
  }
}
