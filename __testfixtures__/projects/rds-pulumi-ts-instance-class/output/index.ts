import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
const env = config.require("env");
const subnetGroupName = `shared-db-subnets-${env}`;

// Inventory: Aurora MySQL 3 (MySQL 8.0 compatible).
const auroraCluster = new aws.rds.Cluster(`aurora-cluster-${env}`, {
    clusterIdentifier: `aurora-cluster-${env}`,
    engine: aws.rds.EngineType.AuroraMysql,
    engineVersion: "8.0.mysql_aurora.3.04.0",
    databaseName: "inventory",
    masterUsername: "inventory",
    manageMasterUserPassword: true,
    dbSubnetGroupName: subnetGroupName,
    skipFinalSnapshot: true,
});

const writer = new aws.rds.ClusterInstance(`aurora-instance-${env}-001`, {
    identifier: `aurora-instance-${env}-001`,
    clusterIdentifier: auroraCluster.id,
    instanceClass: "db.t3.medium", // smallest burstable class for dev
    engine: aws.rds.EngineType.AuroraMysql,
    engineVersion: auroraCluster.engineVersion,
});

const reader = new aws.rds.ClusterInstance(`aurora-instance-${env}-002`, {
    identifier: `aurora-instance-${env}-002`,
    clusterIdentifier: auroraCluster.id,
    instanceClass: "db.t3.medium",
    engine: aws.rds.EngineType.AuroraMysql,
    engineVersion: auroraCluster.engineVersion,
});

// Reporting replica source: PostgreSQL on a small instance.
const reportingDb = new aws.rds.Instance(`reporting-db-${env}`, {
    identifier: `reporting-${env}`,
    engine: "postgres",
    engineVersion: "16.4",
    instanceClass: "db.t3.small",
    allocatedStorage: 20,
    dbSubnetGroupName: subnetGroupName,
    username: "reporting",
    manageMasterUserPassword: true,
    skipFinalSnapshot: true,
});

// Search analytics: a memory-optimised Aurora PostgreSQL cluster.
const analytics = new aws.rds.Cluster(`analytics-cluster-${env}`, {
    engine: aws.rds.EngineType.AuroraPostgresql,
    engineVersion: "16.4",
    masterUsername: "analytics",
    manageMasterUserPassword: true,
    dbSubnetGroupName: subnetGroupName,
    skipFinalSnapshot: true,
});
new aws.rds.ClusterInstance(`analytics-instance-${env}`, {
    clusterIdentifier: analytics.id,
    instanceClass: "db.r6g.large",
    engine: aws.rds.EngineType.AuroraPostgresql,
});

export const writerEndpoint = writer.endpoint;
export const readerEndpoint = reader.endpoint;
export const reportingEndpoint = reportingDb.address;
