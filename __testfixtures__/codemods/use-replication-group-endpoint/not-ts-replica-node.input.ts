import * as aws from "@pulumi/aws";

const group = new aws.elasticache.ReplicationGroup("reports", { description: "Reports", nodeType: "cache.t4g.small", numCacheClusters: 2 });

// Reports read from the replica.
export const reportsHost = group.cacheNodes[1].address;
