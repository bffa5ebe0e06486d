import * as kms from 'aws-cdk-lib/aws-kms';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Stack } from 'aws-cdk-lib';

export class Keys extends Stack {
  build(doc: iam.PolicyDocument) {
    new kms.Key(this, 'LogsKey', { keyPolicy: doc });
    new kms.Key(this, 'DataKey', { keyPolicy: doc });
  }
}
