import * as pulumi from '@pulumi/pulumi';
import { CacheStack } from '../lib/cache-stack';

const config = new pulumi.Config();
const environmentSuffix = process.env.ENVIRONMENT_SUFFIX || config.get('env') || 'dev';

const cache = new CacheStack('tap-cache', {
  environmentSuffix,
  subnetIds: config.requireObject<string[]>('privateSubnetIds'),
});

export const redisUrl = cache.redisUrl;
export const memcachedHost = cache.memcachedHost;
