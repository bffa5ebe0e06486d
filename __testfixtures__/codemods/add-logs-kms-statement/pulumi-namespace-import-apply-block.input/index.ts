import * as aws from '@pulumi/aws';
import * as security from './lib/security';

const reportsLogs = new aws.cloudwatch.LogGroup('reports-logs', {
  retentionInDays: 30,
  kmsKeyId: security.dataKey.arn,
});

export const reportsLogGroupName = reportsLogs.name;
