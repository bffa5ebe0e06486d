import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const stack = pulumi.getStack();

// Forum content. The cache below is Redis and has its own version line.
export const forumDb = new aws.rds.Instance("forum-db", {
    identifier: `forum-${stack}`,
    engine: "mariadb",
    engineVersion: "10.6.19",
    instanceClass: "db.t4g.small",
    allocatedStorage: 30,
    username: "forum",
    manageMasterUserPassword: true,
    skipFinalSnapshot: stack !== "prod",
});

const cache = new aws.elasticache.ReplicationGroup("forum-cache", {
    description: "forum page cache",
    engine: "redis",
    engineVersion: "6.2",
    nodeType: "cache.t4g.micro",
    numCacheClusters: 2,
});

export const cacheEndpoint = cache.primaryEndpointAddress;
