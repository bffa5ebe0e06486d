import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** A key per data class; each keeps the account root as administrator. */
export class KeysStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const doc = new iam.PolicyDocument({
      statements: [new iam.PolicyStatement({ actions: ['kms:*'], principals: [new iam.AccountRootPrincipal()], resources: ['*'] })],
    });
    new kms.Key(this, 'OrdersKey', {
      enableKeyRotation: true,
      keyPolicy: doc,
    });
    new kms.Key(this, 'InvoicesKey', {
      enableKeyRotation: true,
      'keyPolicy': doc, // quoted by the generator
    });
    // Not reported by the compiler: an untyped helper object, left as it is.
    const legacyOptions = { keyPolicy: doc };
    void legacyOptions;
  }
}
