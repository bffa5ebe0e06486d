import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const env = pulumi.getStack();

const sessions = new aws.elasticache.ReplicationGroup(`sessions-${env}`, {
    description: "Session store",
    engine: "redis",
    nodeType: "cache.t4g.small",
    numCacheClusters: 2,
});
const pages = new aws.elasticache.Cluster(`pages-${env}`, { engine: "memcached", nodeType: "cache.t4g.micro", numCacheNodes: 1 });

// The app reads a redis:// URL.
export const sessionsUrl = sessions.primaryEndpointAddress.apply((address) => `rediss://${address}:6379/0`);
export const sessionsHost = sessions.primaryEndpointAddress;
export const pagesHost = pages.cacheNodes[0].address;
