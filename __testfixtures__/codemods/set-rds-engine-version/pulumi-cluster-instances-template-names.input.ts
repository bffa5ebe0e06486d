import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const environmentSuffix = new pulumi.Config().require("environmentSuffix");

const cluster = new aws.rds.Cluster(`payment-db-cluster-${environmentSuffix}`, {
    engine: aws.rds.EngineType.AuroraPostgresql,
    engineVersion: "15.4",
    masterUsername: "payments",
    manageMasterUserPassword: true,
    skipFinalSnapshot: true,
});

for (let i = 0; i < 2; i++) {
    new aws.rds.ClusterInstance(`payment-db-instance-${i}-${environmentSuffix}`, {
        clusterIdentifier: cluster.id,
        instanceClass: "db.r6g.large",
        engine: cluster.engine.apply((e) => e as aws.rds.EngineType),
        engineVersion: "15.4", // must equal the cluster's
    });
}

// Reporting keeps its own version (created last year).
new aws.rds.Instance(`reporting-db-${environmentSuffix}`, {
    engine: "postgres",
    engineVersion: "15.4",
    instanceClass: "db.t4g.micro",
    allocatedStorage: 20,
    username: "reporting",
    manageMasterUserPassword: true,
});
