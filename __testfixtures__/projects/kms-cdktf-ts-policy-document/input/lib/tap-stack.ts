import { Construct } from 'constructs';
import { S3Backend, TerraformOutput, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { KmsModule, LoggingModule } from './modules';

interface TapStackProps {
  environmentSuffix?: string;
  awsRegion?: string;
}

export class TapStack extends TerraformStack {
  constructor(scope: Construct, id: string, props?: TapStackProps) {
    super(scope, id);
    const environmentSuffix = props?.environmentSuffix || 'dev';
    const awsRegion = props?.awsRegion || 'us-east-1';

    new AwsProvider(this, 'aws', { region: awsRegion });
    new S3Backend(this, { bucket: 'iac-tfstate-123456789012', key: `${environmentSuffix}/${id}.tfstate`, region: awsRegion, encrypt: true });

    const kms = new KmsModule(this, 'kms', { environmentSuffix });
    const logging = new LoggingModule(this, 'logging', { environmentSuffix, kmsKeyArn: kms.key.arn });

    new TerraformOutput(this, 'log_group_name', { value: logging.logGroup.name });
  }
}
