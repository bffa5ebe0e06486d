import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { createKmsKey } from './components/kms';

const config = new pulumi.Config();
const environmentSuffix = config.get('environmentSuffix') ?? pulumi.getStack();
const tags = { project: 'media-pipeline', environment: environmentSuffix };

const dataKey = createKmsKey('media-data', { description: 'Source and rendition buckets', environmentSuffix, tags });
const logsKey = createKmsKey('media-logs', { description: 'Transcoder log groups', environmentSuffix, tags });

const sourceBucket = new aws.s3.BucketV2(`media-source-${environmentSuffix}`, { tags });
new aws.s3.BucketServerSideEncryptionConfigurationV2(`media-source-sse-${environmentSuffix}`, {
  bucket: sourceBucket.id,
  rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: dataKey.arn } }],
});

const transcoderLogs = new aws.cloudwatch.LogGroup(`transcoder-logs-${environmentSuffix}`, {
  name: `/aws/lambda/media-transcoder-${environmentSuffix}`,
  retentionInDays: 30,
  kmsKeyId: logsKey.arn,
  tags,
});

const thumbnailLogs = new aws.cloudwatch.LogGroup(`thumbnail-logs-${environmentSuffix}`, {
  name: `/aws/lambda/media-thumbnails-${environmentSuffix}`,
  retentionInDays: 30,
  kmsKeyId: logsKey.arn,
  tags,
});

export const sourceBucketName = sourceBucket.bucket;
export const logGroups = [transcoderLogs.name, thumbnailLogs.name];
