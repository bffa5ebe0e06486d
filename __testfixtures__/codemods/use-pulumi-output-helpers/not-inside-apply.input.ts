import * as aws from '@pulumi/aws';

const bucket = new aws.s3.Bucket('assets');
new aws.s3.BucketPolicy('assets-policy', {
  bucket: bucket.id,
  policy: bucket.arn.apply((arn) => JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${arn}/*` }],
  })),
});
