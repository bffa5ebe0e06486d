import * as cdk from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export class SharedKeyStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    // Key owned by the platform team's account baseline.
    const sharedKey = kms.Key.fromKeyArn(
      this,
      'SharedKey',
      'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    );

    new logs.LogGroup(this, 'AppLogs', {
      encryptionKey: sharedKey,
    });
  }
}
