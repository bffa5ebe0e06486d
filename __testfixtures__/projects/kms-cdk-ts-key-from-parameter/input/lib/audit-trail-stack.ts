import * as cdk from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Organisation audit trail; the logs key is created and managed by the platform team. */
export class AuditTrailStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const logsKeyArn = new cdk.CfnParameter(this, 'LogsKeyArn', {
      type: 'String',
      description: 'ARN of the platform-managed KMS key for CloudWatch Logs',
    });
    const logsKey = kms.Key.fromKeyArn(this, 'PlatformLogsKey', logsKeyArn.valueAsString);

    const trailLogs = new logs.LogGroup(this, 'TrailLogs', {
      logGroupName: '/audit/cloudtrail',
      encryptionKey: logsKey,
      retention: logs.RetentionDays.ONE_YEAR,
    });

    const bucket = new s3.Bucket(this, 'TrailBucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
    });

    new cloudtrail.Trail(this, 'Trail', {
      bucket,
      cloudWatchLogGroup: trailLogs,
      sendToCloudWatchLogs: true,
      isMultiRegionTrail: true,
    });
  }
}
