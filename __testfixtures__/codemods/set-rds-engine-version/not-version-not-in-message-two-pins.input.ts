import * as aws from "@pulumi/aws";

new aws.rds.Instance("orders-db", { engine: "postgres", engineVersion: "13.7", instanceClass: "db.t4g.small", allocatedStorage: 20 });
new aws.rds.Instance("billing-db", { engine: "postgres", engineVersion: "14.9", instanceClass: "db.t4g.small", allocatedStorage: 20 });
