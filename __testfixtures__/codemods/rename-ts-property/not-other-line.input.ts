import * as kms from 'aws-cdk-lib/aws-kms';
import { Stack } from 'aws-cdk-lib';

// The compiler reports line 9; the keyPolicy above is a plain object of our own.
const defaults = { keyPolicy: undefined as unknown };

export class Keys extends Stack {
  build() {
    new kms.Key(this, 'DataKey', { enableKeyRotation: true, ...defaults });
  }
}
