import * as cdk from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ImageMirror } from './constructs/image-mirror';

export class MirrorStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new s3.Bucket(this, 'Logs', { autoDeleteObjects: true, removalPolicy: cdk.RemovalPolicy.DESTROY });
    // Our own construct, not ecr.Repository: its prop keeps its name.
    new ImageMirror(this, 'Mirror', { autoDeleteImages: true });
  }
}
