import * as cdk from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export class TwoKeysStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const apiKey = new kms.Key(this, 'ApiKey');
    const jobsKey = new kms.Key(this, 'JobsKey');

    new logs.LogGroup(this, 'ApiLogs', { encryptionKey: apiKey });
    new logs.LogGroup(this, 'JobsLogs', { encryptionKey: jobsKey });
  }
}
