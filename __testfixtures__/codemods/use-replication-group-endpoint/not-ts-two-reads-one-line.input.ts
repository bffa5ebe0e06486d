import * as aws from "@pulumi/aws";

const primary = new aws.elasticache.ReplicationGroup("primary", { description: "Primary", nodeType: "cache.t4g.small", numCacheClusters: 2 });
const legacy = new aws.elasticache.Cluster("legacy", { engine: "redis", nodeType: "cache.t4g.micro", numCacheNodes: 1 });

export const hosts = [primary.cacheNodes[0].address, legacy.cacheNodes[0].address];
