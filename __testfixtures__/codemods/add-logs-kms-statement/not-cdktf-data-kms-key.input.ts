import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsKmsAlias } from '@cdktf/provider-aws/lib/data-aws-kms-alias';

export class SharedLogsStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // The security account owns this key.
    const logsKey = new DataAwsKmsAlias(this, 'logs-key', { name: 'alias/org/cloudwatch-logs' });

    new CloudwatchLogGroup(this, 'api-logs', { name: '/shared/api', kmsKeyId: logsKey.targetKeyArn });
  }
}
