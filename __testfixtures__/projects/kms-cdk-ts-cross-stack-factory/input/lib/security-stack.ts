import * as cdk from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { createServiceKey } from './shared/kms';

export interface SecurityStackProps extends cdk.StackProps {
  readonly stage: string;
}

/** Keys shared by the inventory workloads; deployed before them. */
export class SecurityStack extends cdk.Stack {
  public readonly logsKey: kms.Key;
  public readonly backupKey: kms.Key;

  constructor(scope: Construct, id: string, props: SecurityStackProps) {
    super(scope, id, props);

    this.logsKey = createServiceKey(this, 'LogsKey', {
      alias: 'logs',
      description: 'CloudWatch Logs encryption for inventory services',
      stage: props.stage,
    });

    this.backupKey = createServiceKey(this, 'BackupKey', {
      alias: 'backup',
      description: 'AWS Backup vault encryption',
      stage: props.stage,
    });
  }
}
