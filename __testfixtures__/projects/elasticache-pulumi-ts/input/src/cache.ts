import * as aws from "@pulumi/aws";

export interface CacheArgs {
    environmentSuffix: string;
    subnetIds: string[];
    securityGroupIds: string[];
}

/** Redis for the job queue: a primary and one replica. */
export function createQueueCache(args: CacheArgs): aws.elasticache.ReplicationGroup {
    const subnets = new aws.elasticache.SubnetGroup(`jobs-cache-subnets-${args.environmentSuffix}`, {
        subnetIds: args.subnetIds,
    });
    return new aws.elasticache.ReplicationGroup(`jobs-queue-${args.environmentSuffix}`, {
        description: "BullMQ job queue",
        engine: "redis",
        nodeType: "cache.t4g.small",
        numCacheClusters: 2,
        automaticFailoverEnabled: true,
        subnetGroupName: subnets.name,
        securityGroupIds: args.securityGroupIds,
    });
}

/** Memcached for rendered pages. */
export function createPageCache(environmentSuffix: string): aws.elasticache.Cluster {
    return new aws.elasticache.Cluster(`jobs-pages-${environmentSuffix}`, {
        engine: "memcached",
        nodeType: "cache.t4g.micro",
        numCacheNodes: 1,
    });
}
