import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Backend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { DatabaseConstruct } from './database-construct';

interface TapStackProps {
  environmentSuffix: string;
  awsRegion: string;
}

export class TapStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: TapStackProps) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: props.awsRegion });
    new S3Backend(this, {
      bucket: 'iac-rlhf-tf-states',
      key: `${props.environmentSuffix}/${id}.tfstate`,
      region: props.awsRegion,
      encrypt: true,
    });
    new DatabaseConstruct(this, 'database', { environmentSuffix: props.environmentSuffix });
  }
}
