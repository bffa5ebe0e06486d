import * as cdk from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { PolicyDocument } from 'aws-cdk-lib/aws-iam';

export function dataKey(scope: cdk.Stack, keyPolicy: PolicyDocument) {
  return new kms.Key(scope, 'DataKey', { keyPolicy, enableKeyRotation: true });
}
