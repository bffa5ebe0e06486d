import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const awsConfig = new pulumi.Config('aws');
const region = awsConfig.require('region');

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
    },
    {
      Sid: 'AllowCloudWatchLogsUseOfTheKey',
      Effect: 'Allow',
      Principal: { Service: `logs.${region}.amazonaws.com` },
      Action: [
        'kms:Encrypt*',
        'kms:Decrypt*',
        'kms:ReEncrypt*',
        'kms:GenerateDataKey*',
        'kms:CreateGrant',
        'kms:Describe*'
      ],
      Resource: '*',
      Condition: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${region}:123456789012:log-group:*`
        }
      }
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
