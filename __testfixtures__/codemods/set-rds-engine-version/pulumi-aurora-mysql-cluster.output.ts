import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const cfg = new pulumi.Config("catalog");

const cluster = new aws.rds.Cluster("catalog", {
    clusterIdentifier: `catalog-${pulumi.getStack()}`,
    engine: aws.rds.EngineType.AuroraMysql,
    engineVersion: "8.0.mysql_aurora.3.08.2",
    databaseName: "catalog",
    masterUsername: "catalog_admin",
    manageMasterUserPassword: true,
    dbSubnetGroupName: cfg.require("subnetGroup"),
    skipFinalSnapshot: true,
});

// Instances follow the cluster: never pin a version here.
export const instances = [0, 1].map((i) =>
    new aws.rds.ClusterInstance(`catalog-${i}`, {
        clusterIdentifier: cluster.id,
        instanceClass: "db.r6g.large",
        engine: cluster.engine.apply((e) => e as aws.rds.EngineType),
        engineVersion: cluster.engineVersion,
    }),
);

export const endpoint = cluster.endpoint;
