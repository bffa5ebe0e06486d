import * as cdk from 'aws-cdk-lib';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import type { Construct } from 'constructs';

export class CacheStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    new elasticache.CfnCacheCluster(this, 'Sessions', {
      engine: 'redis',
      engineVersion: '6.2',
      cacheNodeType: 'cache.t3.micro',
      numCacheNodes: 1,
    });
  }
}
