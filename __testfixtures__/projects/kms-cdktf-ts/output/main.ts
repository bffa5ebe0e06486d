import { Construct } from 'constructs';
import { App, S3Backend, TerraformOutput, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { CheckoutLogging } from './lib/logging';

interface CheckoutStackProps {
  environmentSuffix: string;
  awsRegion: string;
}

class CheckoutStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: CheckoutStackProps) {
    super(scope, id);
    const { environmentSuffix, awsRegion } = props;

    new AwsProvider(this, 'aws', {
      region: awsRegion,
      defaultTags: [{ tags: { Project: 'checkout', Environment: environmentSuffix } }],
    });

    new S3Backend(this, {
      bucket: 'acme-terraform-state',
      key: `checkout/${environmentSuffix}.tfstate`,
      region: 'us-east-1',
    });

    const current = new DataAwsCallerIdentity(this, 'current');

    const logsKey = new KmsKey(this, 'logs-key', {
      description: `Checkout log encryption (${environmentSuffix})`,
      enableKeyRotation: true,
      deletionWindowInDays: 7,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'EnableRootPermissions',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${current.accountId}:root` },
            Action: 'kms:*',
            Resource: '*',
          },
          {
            Sid: 'AllowCloudWatchLogsUseOfTheKey',
            Effect: 'Allow',
            Principal: { Service: `logs.${awsRegion}.amazonaws.com` },
            Action: [
              'kms:Encrypt*',
              'kms:Decrypt*',
              'kms:ReEncrypt*',
              'kms:GenerateDataKey*',
              'kms:CreateGrant',
              'kms:Describe*',
            ],
            Resource: '*',
            Condition: {
              ArnLike: {
                'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${awsRegion}:${current.accountId}:log-group:*`,
              },
            },
          },
        ],
      }),
    });

    new KmsAlias(this, 'logs-key-alias', {
      name: `alias/checkout-logs-${environmentSuffix}`,
      targetKeyId: logsKey.keyId,
    });

    const logging = new CheckoutLogging(this, 'Logging', { environmentSuffix, kmsKeyArn: logsKey.arn });

    new TerraformOutput(this, 'api-log-group', { value: logging.apiLogGroup.name });
  }
}

const app = new App();
const environmentSuffix = process.env.ENVIRONMENT_SUFFIX ?? 'dev';
new CheckoutStack(app, `checkout-${environmentSuffix}`, { environmentSuffix, awsRegion: process.env.AWS_REGION ?? 'us-east-1' });
app.synth();
