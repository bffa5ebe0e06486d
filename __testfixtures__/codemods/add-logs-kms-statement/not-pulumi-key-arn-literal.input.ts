import * as aws from '@pulumi/aws';

new aws.cloudwatch.LogGroup('billing-logs', {
  name: '/billing/api',
  kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
});
