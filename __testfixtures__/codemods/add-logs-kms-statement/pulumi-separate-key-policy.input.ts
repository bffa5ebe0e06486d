import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const stack = pulumi.getStack();
const current = aws.getCallerIdentityOutput();

export const streamKey = new aws.kms.Key(`stream-key-${stack}`, { enableKeyRotation: true });

// The policy is its own resource so the security team can review it apart from the key.
new aws.kms.KeyPolicy(`stream-key-policy-${stack}`, {
  keyId: streamKey.id,
  policy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Root',
        Effect: 'Allow',
        Principal: { AWS: pulumi.interpolate`arn:aws:iam::${current.accountId}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
    ],
  }),
});

new aws.cloudwatch.LogGroup(`stream-logs-${stack}`, { name: `/stream/${stack}`, kmsKeyId: streamKey.arn });
