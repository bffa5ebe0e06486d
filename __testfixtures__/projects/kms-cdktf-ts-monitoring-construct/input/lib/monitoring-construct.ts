import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';

export interface MonitoringConstructProps {
  environmentSuffix: string;
  kmsKeyArn: string;
  retentionInDays: number;
}

export class MonitoringConstruct extends Construct {
  public readonly ecsLogGroup: CloudwatchLogGroup;
  public readonly auditLogGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: MonitoringConstructProps) {
    super(scope, id);

    this.ecsLogGroup = new CloudwatchLogGroup(this, 'ecs-logs', {
      name: `/ecs/tap-api-${props.environmentSuffix}`,
      retentionInDays: props.retentionInDays,
      kmsKeyId: props.kmsKeyArn,
    });

    this.auditLogGroup = new CloudwatchLogGroup(this, 'audit-logs', {
      name: `/tap/audit-${props.environmentSuffix}`,
      retentionInDays: 365,
      kmsKeyId: props.kmsKeyArn,
    });

    new CloudwatchMetricAlarm(this, 'api-5xx', {
      alarmName: `tap-api-5xx-${props.environmentSuffix}`,
      namespace: 'AWS/ApplicationELB',
      metricName: 'HTTPCode_Target_5XX_Count',
      statistic: 'Sum',
      period: 300,
      evaluationPeriods: 1,
      threshold: 10,
      comparisonOperator: 'GreaterThanThreshold',
      treatMissingData: 'notBreaching',
    });
  }
}
