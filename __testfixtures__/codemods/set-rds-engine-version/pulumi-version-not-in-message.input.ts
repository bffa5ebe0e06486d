import * as aws from "@pulumi/aws";

const stack = "qa";

new aws.rds.Instance(`orders-db-${stack}`, {
    engine: "postgres",
    engineVersion: "13.7",
    instanceClass: "db.t4g.small",
    allocatedStorage: 20,
});

new aws.rds.Instance(`sessions-db-${stack}`, {
    engine: "mysql",
    engineVersion: "8.0.39",
    instanceClass: "db.t4g.micro",
    allocatedStorage: 20,
});
