import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export class KeysStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const doc = new iam.PolicyDocument({
      statements: [new iam.PolicyStatement({ actions: ['kms:*'], principals: [new iam.AccountRootPrincipal()], resources: ['*'] })],
    });
    new kms.Key(this, 'DataKey', {
      enableKeyRotation: true,
      keyPolicy: doc, // account root keeps admin rights
    });
  }
}
