import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
const env = pulumi.getStack();

const subnetGroup = new aws.rds.SubnetGroup("orders-db-subnets", {
    subnetIds: config.requireObject<string[]>("privateSubnetIds"),
});

// Orders database. Engine upgrades go through the change calendar.
export const ordersDb = new aws.rds.Instance("orders-db", {
    identifier: `orders-${env}`,
    engine: "postgres",
    engineVersion: '15.8',
    instanceClass: "db.t4g.medium",
    allocatedStorage: 50,
    dbSubnetGroupName: subnetGroup.name,
    username: "orders",
    manageMasterUserPassword: true,
    skipFinalSnapshot: env !== "prod",
    tags: { Service: "orders", PgTarget: "15.4" },
});

const reporting = new aws.rds.Instance("reporting-db", {
    engine: "mysql",
    engineVersion: "8.0.35",
    instanceClass: "db.t4g.small",
    allocatedStorage: 20,
    dbSubnetGroupName: subnetGroup.name,
    username: "reporting",
    manageMasterUserPassword: true,
});

const sessions = new aws.elasticache.Cluster("sessions", {
    engine: "redis",
    engineVersion: "7.0",
    nodeType: "cache.t4g.micro",
    numCacheNodes: 1,
});

export const endpoints = { orders: ordersDb.address, reporting: reporting.address, sessions: sessions.cacheNodes };
