import { Construct } from 'constructs';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';

export class AppLogsStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const logsKeyArn = new TerraformVariable(this, 'logs_kms_key_arn', { type: 'string', description: 'Key for the log groups' });

    new CloudwatchLogGroup(this, 'app-logs', { name: '/app/main', kmsKeyId: logsKeyArn.stringValue });
  }
}
