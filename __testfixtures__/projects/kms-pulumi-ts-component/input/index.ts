import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { ServiceLogging } from './components/logging';

const environmentSuffix = pulumi.getStack();
const current = aws.getCallerIdentityOutput();
const region = aws.getRegionOutput();

// Logs key: the account keeps full control, nobody else is listed yet.
const logsKey = new aws.kms.Key(`orders-logs-${environmentSuffix}`, {
  description: `Orders service log encryption (${environmentSuffix})`,
  enableKeyRotation: true,
  policy: pulumi.all([current.accountId, region.name]).apply(([accountId, regionName]) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'EnableRootPermissions',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${accountId}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
        {
          Sid: 'AllowEcsTaskDecrypt',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${accountId}:role/orders-task-${environmentSuffix}` },
          Action: ['kms:Decrypt'],
          Resource: '*',
          Condition: { StringEquals: { 'kms:ViaService': `secretsmanager.${regionName}.amazonaws.com` } },
        },
      ],
    }),
  ),
});

const ordersLogging = new ServiceLogging('orders', {
  serviceName: 'orders-api',
  environmentSuffix,
  kmsKeyArn: logsKey.arn,
});

export const appLogGroup = ordersLogging.appLogGroup.name;
