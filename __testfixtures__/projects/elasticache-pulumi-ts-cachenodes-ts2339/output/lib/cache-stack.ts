import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

export interface CacheStackArgs {
  environmentSuffix: string;
  subnetIds: pulumi.Input<string>[];
}

export class CacheStack extends pulumi.ComponentResource {
  public readonly redisUrl: pulumi.Output<string>;
  public readonly memcachedHost: pulumi.Output<string>;

  constructor(name: string, args: CacheStackArgs, opts?: pulumi.ComponentResourceOptions) {
    super('tap:cache:CacheStack', name, args, opts);
    const { environmentSuffix } = args;

    const subnetGroup = new aws.elasticache.SubnetGroup(
      `tap-cache-subnets-${environmentSuffix}`,
      { subnetIds: args.subnetIds },
      { parent: this }
    );

    const replicationGroup = new aws.elasticache.ReplicationGroup(
      `tap-redis-${environmentSuffix}`,
      {
        replicationGroupId: `tap-redis-${environmentSuffix}`,
        description: `TAP session store (${environmentSuffix})`,
        engine: 'redis',
        engineVersion: '7.1',
        nodeType: 'cache.t4g.small',
        numCacheClusters: 2,
        automaticFailoverEnabled: true,
        subnetGroupName: subnetGroup.name,
        atRestEncryptionEnabled: true,
        transitEncryptionEnabled: true,
      },
      { parent: this }
    );

    const memcached = new aws.elasticache.Cluster(
      `tap-memcached-${environmentSuffix}`,
      {
        clusterId: `tap-mc-${environmentSuffix}`,
        engine: 'memcached',
        nodeType: 'cache.t4g.micro',
        numCacheNodes: 1,
        subnetGroupName: subnetGroup.name,
      },
      { parent: this }
    );

    const redisHost = replicationGroup.primaryEndpointAddress;
    this.redisUrl = pulumi.interpolate`rediss://${redisHost}:6379`;
    this.memcachedHost = memcached.cacheNodes.apply((nodes) => nodes[0].address);

    this.registerOutputs({ redisUrl: this.redisUrl, memcachedHost: this.memcachedHost });
  }
}
