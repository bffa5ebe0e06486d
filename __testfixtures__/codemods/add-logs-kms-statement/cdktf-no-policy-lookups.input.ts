import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import * as aws from '@cdktf/provider-aws';

export class QueueStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new aws.provider.AwsProvider(this, 'aws', {});

    const key = new aws.kmsKey.KmsKey(this, 'consumer-logs-key', { enableKeyRotation: true });

    new aws.cloudwatchLogGroup.CloudwatchLogGroup(this, 'consumer-logs', {
      name: '/queue/consumer',
      kmsKeyId: key.arn,
    });
  }
}
