import * as aws from '@pulumi/aws';

const key = new aws.kms.Key('search-key', { enableKeyRotation: true });

new aws.cloudwatch.LogGroup('search-logs', {
  name: '/search/api',
  kmsKeyId: key.arn,
});
