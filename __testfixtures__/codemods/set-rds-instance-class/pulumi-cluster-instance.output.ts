import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const cfg = new pulumi.Config("catalog");

const cluster = new aws.rds.Cluster("catalog", {
    engine: aws.rds.EngineType.AuroraMysql,
    engineVersion: "8.0.mysql_aurora.3.04.0",
    masterUsername: "catalog",
    manageMasterUserPassword: true,
    dbSubnetGroupName: cfg.require("subnetGroup"),
    skipFinalSnapshot: true,
});

export const writer = new aws.rds.ClusterInstance("catalog-writer", {
    clusterIdentifier: cluster.id,
    engine: aws.rds.EngineType.AuroraMysql,
    engineVersion: cluster.engineVersion,
    instanceClass: "db.t3.medium", // cheapest class, per FinOps review
    publiclyAccessible: false,
});

// Jump host for the DBAs.
const jump = new aws.ec2.Instance("catalog-jump", {
    ami: cfg.require("jumpAmi"),
    instanceType: "t3.small",
    subnetId: cfg.require("subnetId"),
});

export const jumpIp = jump.privateIp;
