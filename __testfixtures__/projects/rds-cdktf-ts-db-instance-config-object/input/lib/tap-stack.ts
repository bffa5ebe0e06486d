import { AwsProvider, AwsProviderDefaultTags } from '@cdktf/provider-aws/lib/provider';
import { S3Backend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { DatabaseConstruct } from './database';
import { NetworkConstruct } from './network';

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

    new AwsProvider(this, 'aws', {
      region: props?.awsRegion || 'us-east-1',
      defaultTags: props?.defaultTags ? [props.defaultTags] : [],
    });
    new S3Backend(this, {
      bucket: props?.stateBucket || 'iac-tap-tf-states',
      key: `${environmentSuffix}/${id}.tfstate`,
      region: props?.stateBucketRegion || 'us-east-1',
      encrypt: true,
    });

    const network = new NetworkConstruct(this, 'network', { environmentSuffix });
    const database = new DatabaseConstruct(this, 'database', {
      environmentSuffix,
      subnetIds: network.privateSubnetIds,
      vpcId: network.vpcId,
    });

    new TerraformOutput(this, 'db_endpoint', { value: database.instance.endpoint });
  }
}
