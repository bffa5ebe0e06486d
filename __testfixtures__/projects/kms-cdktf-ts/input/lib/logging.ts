import { Construct } from 'constructs';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchLogMetricFilter } from '@cdktf/provider-aws/lib/cloudwatch-log-metric-filter';

export interface CheckoutLoggingProps {
  environmentSuffix: string;
  kmsKeyArn: string;
  retentionInDays?: number;
}

/** Log groups for the checkout API and its worker, with an error metric on the API. */
export class CheckoutLogging extends Construct {
  public readonly apiLogGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: CheckoutLoggingProps) {
    super(scope, id);
    const retentionInDays = props.retentionInDays ?? 30;

    this.apiLogGroup = new CloudwatchLogGroup(this, 'api-logs', {
      name: `/ecs/checkout-api-${props.environmentSuffix}`,
      retentionInDays,
      kmsKeyId: props.kmsKeyArn,
    });

    new CloudwatchLogGroup(this, 'worker-logs', {
      name: `/ecs/checkout-worker-${props.environmentSuffix}`,
      retentionInDays,
      kmsKeyId: props.kmsKeyArn,
    });

    new CloudwatchLogMetricFilter(this, 'api-errors', {
      name: `checkout-api-errors-${props.environmentSuffix}`,
      logGroupName: this.apiLogGroup.name,
      pattern: '"level":"error"',
      metricTransformation: { name: 'ApiErrors', namespace: 'Checkout', value: '1' },
    });
  }
}
