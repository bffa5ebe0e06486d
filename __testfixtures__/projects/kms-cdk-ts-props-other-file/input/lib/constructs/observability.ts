import * as cdk from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface ObservabilityProps {
  readonly serviceName: string;
  readonly environmentSuffix: string;
  /** Customer managed key for every log group of the service. */
  readonly encryptionKey: kms.IKey;
  readonly retention?: logs.RetentionDays;
}

/** Log groups, a metric filter on errors and an alarm, for one ECS service. */
export class ObservabilityConstruct extends Construct {
  public readonly applicationLogs: logs.LogGroup;
  public readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const { serviceName, environmentSuffix } = props;
    const retention = props.retention ?? logs.RetentionDays.ONE_MONTH;

    this.applicationLogs = new logs.LogGroup(this, 'ApplicationLogs', {
      logGroupName: `/ecs/${serviceName}-${environmentSuffix}`,
      encryptionKey: props.encryptionKey,
      retention,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      logGroupName: `/ecs/${serviceName}-access-${environmentSuffix}`,
      encryptionKey: props.encryptionKey,
      retention,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });

    const errors = new logs.MetricFilter(this, 'ErrorCount', {
      logGroup: this.applicationLogs,
      filterPattern: logs.FilterPattern.anyTerm('ERROR', 'Exception'),
      metricNamespace: `${serviceName}/${environmentSuffix}`,
      metricName: 'Errors',
    });

    new cloudwatch.Alarm(this, 'ErrorAlarm', {
      alarmName: `${serviceName}-errors-${environmentSuffix}`,
      metric: errors.metric({ statistic: 'Sum', period: cdk.Duration.minutes(5) }),
      threshold: 5,
      evaluationPeriods: 1,
    });
  }
}
