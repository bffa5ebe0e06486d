import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
export interface P { encryptionKey: kms.IKey }
export class C extends Construct {
  constructor(scope: Construct, id: string, props: P) {
    super(scope, id);
    new logs.LogGroup(this, 'Logs', { encryptionKey: props.encryptionKey });
  }
}
