import * as cdk from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface ObservabilityConstructProps {
  environmentSuffix: string;
  encryptionKey: kms.IKey;
  retention?: logs.RetentionDays;
}

export class ObservabilityConstruct extends Construct {
  public readonly appLogGroup: logs.LogGroup;
  public readonly accessLogGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ObservabilityConstructProps) {
    super(scope, id);

    const retention = props.retention ?? logs.RetentionDays.TWO_WEEKS;

    this.accessLogGroup = new logs.LogGroup(this, 'ApiAccessLogs', {
      logGroupName: `/aws/apigateway/tap-api-${props.environmentSuffix}`,
      encryptionKey: props.encryptionKey,
      retention,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });

    this.appLogGroup = new logs.LogGroup(this, 'AppLogs', {
      logGroupName: `/tap/${props.environmentSuffix}/application`,
      encryptionKey: props.encryptionKey,
      retention,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });

    // Count application errors so the alarm below has something to watch.
    const errors = new logs.MetricFilter(this, 'AppErrorsFilter', {
      logGroup: this.appLogGroup,
      filterPattern: logs.FilterPattern.anyTerm('ERROR', 'Exception'),
      metricNamespace: `Tap/${props.environmentSuffix}`,
      metricName: 'ApplicationErrors',
      metricValue: '1',
    });

    new cloudwatch.Alarm(this, 'AppErrorsAlarm', {
      alarmName: `tap-app-errors-${props.environmentSuffix}`,
      metric: errors.metric({ statistic: 'Sum', period: cdk.Duration.minutes(5) }),
      threshold: 5,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
