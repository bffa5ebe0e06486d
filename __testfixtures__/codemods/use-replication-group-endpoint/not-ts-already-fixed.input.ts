import * as aws from "@pulumi/aws";

const group = new aws.elasticache.ReplicationGroup("api-cache", { description: "API cache", nodeType: "cache.t4g.small", numCacheClusters: 2 });

export const apiCacheHost = group.primaryEndpointAddress;
