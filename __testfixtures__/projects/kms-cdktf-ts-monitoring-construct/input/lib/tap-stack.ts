import { AwsProvider, AwsProviderDefaultTags } from '@cdktf/provider-aws/lib/provider';
import { S3Backend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { MonitoringConstruct } from './monitoring-construct';
import { SecurityConstruct } from './security-construct';

interface TapStackProps {
  environmentSuffix?: string;
  stateBucket?: string;
  stateBucketRegion?: string;
  awsRegion?: string;
  defaultTags?: AwsProviderDefaultTags;
}

export class TapStack extends TerraformStack {
  constructor(scope: Construct, id: string, props?: TapStackProps) {
    super(scope, id);

    const environmentSuffix = props?.environmentSuffix || 'dev';
    const awsRegion = props?.awsRegion || 'us-east-1';

    new AwsProvider(this, 'aws', {
      region: awsRegion,
      defaultTags: props?.defaultTags ? [props.defaultTags] : [],
    });

    new S3Backend(this, {
      bucket: props?.stateBucket || 'iac-tap-tf-states',
      key: `${environmentSuffix}/${id}.tfstate`,
      region: props?.stateBucketRegion || 'us-east-1',
      encrypt: true,
    });

    const security = new SecurityConstruct(this, 'security', { environmentSuffix });

    const monitoring = new MonitoringConstruct(this, 'monitoring', {
      environmentSuffix,
      kmsKeyArn: security.logsKey.arn,
      retentionInDays: 30,
    });

    new TerraformOutput(this, 'ecs_log_group', { value: monitoring.ecsLogGroup.name });
    new TerraformOutput(this, 'logs_key_arn', { value: security.logsKey.arn });
  }
}
