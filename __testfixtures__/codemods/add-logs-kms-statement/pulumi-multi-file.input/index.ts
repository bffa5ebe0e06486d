import * as aws from '@pulumi/aws';
import { logsKey } from './infra/kms';

const shippingLogs = new aws.cloudwatch.LogGroup('shipping-logs', {
  name: '/aws/lambda/shipping-dev',
  retentionInDays: 14,
  kmsKeyId: logsKey.arn,
});

export const shippingLogGroup = shippingLogs.name;
