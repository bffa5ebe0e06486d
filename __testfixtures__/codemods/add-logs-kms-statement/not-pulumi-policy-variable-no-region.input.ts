import * as aws from '@pulumi/aws';

// Key policy kept next to the key so security review sees it in one place
const auditKeyPolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Root',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::123456789012:root' },
      Action: 'kms:*',
      Resource: '*'
    }
  ]
};

const auditKey = new aws.kms.Key('audit-key', {
  description: 'audit trail',
  policy: JSON.stringify(auditKeyPolicy)
});

const auditLogs = new aws.cloudwatch.LogGroup('audit-logs', {
  name: 'audit-trail',
  kmsKeyId: auditKey.arn
});

export const auditLogGroupArn = auditLogs.arn;
