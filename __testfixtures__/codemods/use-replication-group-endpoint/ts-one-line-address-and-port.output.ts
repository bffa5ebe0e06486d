import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const stack = pulumi.getStack();
const broker = new aws.elasticache.ReplicationGroup(`celery-broker-${stack}`, {
    description: "Celery broker",
    nodeType: "cache.t4g.small",
    numCacheClusters: 2,
    transitEncryptionEnabled: true,
});

// rediss://host:port/0 for the workers
export const brokerUrl = pulumi.interpolate`rediss://${broker.primaryEndpointAddress}:${broker.port}/0`;
