import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();

const cache = new aws.elasticache.ReplicationGroup("cache", {
    description: "Cache",
    nodeType: "cache.t4g.small",
    numNodeGroups: config.requireNumber("shards"),
});

export const cacheHost = cache.cacheNodes[0].address;
