import * as aws from '@pulumi/aws';

const accountId = '123456789012';
new aws.iam.Policy('deploy-read', {
  policy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::deploy-${accountId}` }],
  }),
});
