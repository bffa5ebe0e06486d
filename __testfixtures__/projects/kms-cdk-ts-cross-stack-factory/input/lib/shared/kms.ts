import * as cdk from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface ServiceKeyOptions {
  readonly alias: string;
  readonly description: string;
  readonly stage: string;
}

/** Every customer managed key of the platform: rotated, aliased and tagged the same way. */
export function createServiceKey(scope: Construct, id: string, options: ServiceKeyOptions): kms.Key {
  const key = new kms.Key(scope, id, {
    alias: `alias/inventory/${options.alias}-${options.stage}`,
    description: options.description,
    enableKeyRotation: true,
    pendingWindow: cdk.Duration.days(7),
    removalPolicy: options.stage === 'prod' ? cdk.RemovalPolicy.RETAIN : cdk.RemovalPolicy.DESTROY,
  });
  cdk.Tags.of(key).add('data-classification', 'internal');
  return key;
}
