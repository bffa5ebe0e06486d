import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
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
    this.logsKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsUseOfTheKey',
      principals: [new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
      actions: [
        'kms:Encrypt*',
        'kms:Decrypt*',
        'kms:ReEncrypt*',
        'kms:GenerateDataKey*',
        'kms:CreateGrant',
        'kms:Describe*',
      ],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${this.region}:${this.account}:log-group:*`,
        },
      },
    }));

    this.backupKey = createServiceKey(this, 'BackupKey', {
      alias: 'backup',
      description: 'AWS Backup vault encryption',
      stage: props.stage,
    });
  }
}
