import * as pulumi from '@pulumi/pulumi';
import { LoggingStack } from './logging-stack';
import { SecurityStack } from './security-stack';

export interface TapStackArgs {
  environmentSuffix?: string;
  tags?: pulumi.Input<{ [key: string]: string }>;
}

export class TapStack extends pulumi.ComponentResource {
  public readonly auditLogGroupName: pulumi.Output<string>;
  public readonly logsKeyArn: pulumi.Output<string>;

  constructor(name: string, args: TapStackArgs, opts?: pulumi.ComponentResourceOptions) {
    super('tap:stack:TapStack', name, args, opts);

    const environmentSuffix = args.environmentSuffix || 'dev';
    const tags = args.tags || {};

    const security = new SecurityStack(
      'tap-security',
      { environmentSuffix, tags },
      { parent: this }
    );

    const logging = new LoggingStack(
      'tap-logging',
      {
        environmentSuffix,
        kmsKeyArn: security.logsKey.arn,
        retentionInDays: 30,
        tags,
      },
      { parent: this }
    );

    this.auditLogGroupName = logging.auditLogGroup.name;
    this.logsKeyArn = security.logsKey.arn;

    this.registerOutputs({
      auditLogGroupName: this.auditLogGroupName,
      logsKeyArn: this.logsKeyArn,
    });
  }
}
