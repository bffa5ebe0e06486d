import * as aws from "@pulumi/aws";

const stage = "qa";

const params = new aws.rds.ClusterParameterGroup(`orders-params-${stage}`, {
    family: "aurora-postgresql14",
    parameters: [{ name: "rds.force_ssl", value: "1" }],
});

new aws.rds.Cluster(`orders-cluster-${stage}`, {
    engine: "aurora-postgresql",
    engineVersion: "15.4",
    dbClusterParameterGroupName: params.name,
    masterUsername: "orders",
    manageMasterUserPassword: true,
});
