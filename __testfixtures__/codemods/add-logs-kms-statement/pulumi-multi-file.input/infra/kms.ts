import * as aws from '@pulumi/aws';

export const region = aws.config.region!;

/** One key per service, created before anything that encrypts with it. */
export const logsKey = new aws.kms.Key('shipping-logs-key', {
  description: 'Shipping service logs',
  enableKeyRotation: true,
});
