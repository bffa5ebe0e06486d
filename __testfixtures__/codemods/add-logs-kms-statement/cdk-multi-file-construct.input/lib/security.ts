import * as cdk from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Keys and buckets shared by the audit pipeline. */
export class SecurityBaseline extends Construct {
  public readonly logsKey: kms.Key;
  public readonly archive: s3.Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.logsKey = new kms.Key(this, 'LogsKey', {
      description: 'Encrypts the audit log groups',
      enableKeyRotation: true,
      removalPolicy: cdk.RemovalPolicy.RETAIN,
    });

    this.archive = new s3.Bucket(this, 'Archive', {
      encryption: s3.BucketEncryption.KMS_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    });
  }
}
