import * as pulumi from '@pulumi/pulumi';
import * as aws from '@pulumi/aws';

const reports = new aws.s3.Bucket('reports', { forceDestroy: true });
const readerRole = new aws.iam.Role('reports-reader', {
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: 'lambda.amazonaws.com' }),
});

// Read-only access for the report renderer.
new aws.iam.RolePolicy('reports-read', {
  role: readerRole.id,
  policy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:ListBucket'],
        Resource: [reports.arn, pulumi.interpolate`${reports.arn}/*`],
      },
    ],
  }),
});

export const bucketName = reports.bucket;
export const stack = pulumi.getStack();
