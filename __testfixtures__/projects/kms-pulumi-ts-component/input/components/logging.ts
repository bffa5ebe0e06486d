import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

export interface ServiceLoggingArgs {
  serviceName: string;
  environmentSuffix: string;
  /** ARN of the customer managed key the log groups are encrypted with. */
  kmsKeyArn: pulumi.Input<string>;
  retentionInDays?: number;
}

/** The application and audit log groups of one ECS service. */
export class ServiceLogging extends pulumi.ComponentResource {
  public readonly appLogGroup: aws.cloudwatch.LogGroup;
  public readonly auditLogGroup: aws.cloudwatch.LogGroup;

  constructor(name: string, args: ServiceLoggingArgs, opts?: pulumi.ComponentResourceOptions) {
    super('orders:logging:ServiceLogging', name, {}, opts);
    const retentionInDays = args.retentionInDays ?? 30;

    this.appLogGroup = new aws.cloudwatch.LogGroup(`${name}-app`, {
      name: `/ecs/${args.serviceName}-${args.environmentSuffix}`,
      kmsKeyId: args.kmsKeyArn,
      retentionInDays,
    }, { parent: this });

    this.auditLogGroup = new aws.cloudwatch.LogGroup(`${name}-audit`, {
      name: `/ecs/${args.serviceName}-audit-${args.environmentSuffix}`,
      kmsKeyId: args.kmsKeyArn,
      retentionInDays: 365,
    }, { parent: this });

    this.registerOutputs({ appLogGroup: this.appLogGroup.name, auditLogGroup: this.auditLogGroup.name });
  }
}
