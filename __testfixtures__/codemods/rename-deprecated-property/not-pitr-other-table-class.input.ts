import * as cdk from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as keyspaces from './keyspaces';
import { Construct } from 'constructs';

// The warning names TableOptions (dynamodb.Table); TableV2 and other libraries' tables are not it.
export class LedgerStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new dynamodb.TableV2(this, 'Ledger', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      pointInTimeRecovery: true,
    });
    new keyspaces.Table(this, 'Events', { pointInTimeRecovery: true });
  }
}
