import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

export interface LoggingStackArgs {
  environmentSuffix: string;
  kmsKeyArn: pulumi.Input<string>;
  retentionInDays: number;
  tags: pulumi.Input<{ [key: string]: string }>;
}

export class LoggingStack extends pulumi.ComponentResource {
  public readonly auditLogGroup: aws.cloudwatch.LogGroup;
  public readonly appLogGroup: aws.cloudwatch.LogGroup;

  constructor(name: string, args: LoggingStackArgs, opts?: pulumi.ComponentResourceOptions) {
    super('tap:logging:LoggingStack', name, args, opts);

    const { environmentSuffix, kmsKeyArn, retentionInDays, tags } = args;

    this.auditLogGroup = new aws.cloudwatch.LogGroup(
      `tap-audit-logs-${environmentSuffix}`,
      {
        name: `/tap/${environmentSuffix}/audit`,
        retentionInDays,
        kmsKeyId: kmsKeyArn,
        tags,
      },
      { parent: this }
    );

    this.appLogGroup = new aws.cloudwatch.LogGroup(
      `tap-app-logs-${environmentSuffix}`,
      {
        name: `/tap/${environmentSuffix}/app`,
        retentionInDays,
        kmsKeyId: kmsKeyArn,
        tags,
      },
      { parent: this }
    );

    new aws.cloudwatch.LogMetricFilter(
      `tap-audit-denied-${environmentSuffix}`,
      {
        logGroupName: this.auditLogGroup.name,
        pattern: '{ $.decision = "DENY" }',
        metricTransformation: {
          name: 'AuditDenied',
          namespace: `Tap/${environmentSuffix}`,
          value: '1',
        },
      },
      { parent: this }
    );

    this.registerOutputs({ auditLogGroupName: this.auditLogGroup.name });
  }
}
