import * as cdk from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ObservabilityConstruct } from './constructs/observability';
import { SecurityConstruct } from './constructs/security';

export interface TapStackProps extends cdk.StackProps {
  environmentSuffix?: string;
}

export class TapStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: TapStackProps) {
    super(scope, id, props);

    const environmentSuffix =
      props?.environmentSuffix || this.node.tryGetContext('environmentSuffix') || 'dev';

    const security = new SecurityConstruct(this, 'Security', { environmentSuffix });

    // Raw uploads land here before the processor picks them up.
    const ingestBucket = new s3.Bucket(this, 'IngestBucket', {
      bucketName: `tap-ingest-${environmentSuffix}-${this.account}`,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: security.dataKey,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const observability = new ObservabilityConstruct(this, 'Observability', {
      environmentSuffix,
      encryptionKey: security.logsKey,
      retention: logs.RetentionDays.ONE_MONTH,
    });

    new cdk.CfnOutput(this, 'IngestBucketName', { value: ingestBucket.bucketName });
    new cdk.CfnOutput(this, 'AppLogGroupName', { value: observability.appLogGroup.logGroupName });
    new cdk.CfnOutput(this, 'LogsKeyArn', { value: security.logsKey.keyArn });
  }
}
