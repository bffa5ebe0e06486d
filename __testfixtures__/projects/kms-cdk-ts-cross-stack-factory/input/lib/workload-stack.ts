import * as cdk from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface WorkloadStackProps extends cdk.StackProps {
  readonly stage: string;
  readonly logsKey: kms.IKey;
  readonly backupKey: kms.IKey;
}

export class WorkloadStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: WorkloadStackProps) {
    super(scope, id, props);

    const table = new dynamodb.TableV2(this, 'Items', {
      tableName: `inventory-items-${props.stage}`,
      partitionKey: { name: 'sku', type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
    });

    const syncLogs = new logs.LogGroup(this, 'SyncLogs', {
      logGroupName: `/aws/lambda/inventory-sync-${props.stage}`,
      encryptionKey: props.logsKey,
      retention: logs.RetentionDays.ONE_MONTH,
    });

    const sync = new lambda.Function(this, 'Sync', {
      functionName: `inventory-sync-${props.stage}`,
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'sync.handler',
      code: lambda.Code.fromAsset('src/sync'),
      logGroup: syncLogs,
      environment: { TABLE_NAME: table.tableName },
    });
    table.grantReadWriteData(sync);

    const vault = new backup.BackupVault(this, 'Vault', {
      backupVaultName: `inventory-${props.stage}`,
      encryptionKey: props.backupKey,
    });
    const plan = backup.BackupPlan.daily35DayRetention(this, 'Plan', vault);
    plan.addSelection('Items', { resources: [backup.BackupResource.fromDynamoDbTable(table)] });
  }
}
