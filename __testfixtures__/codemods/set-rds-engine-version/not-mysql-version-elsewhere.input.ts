import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const wiki = new aws.rds.Instance("wiki-db", {
    engine: "mariadb",
    engineVersion: "10.11.9",
    instanceClass: "db.t4g.small",
    allocatedStorage: 20,
    username: "wiki",
    manageMasterUserPassword: true,
    tags: { MysqlClientCompat: "8.0.35" },
});

const exporter = new aws.lambda.Function("wiki-exporter", {
    runtime: aws.lambda.Runtime.NodeJS20dX,
    handler: "index.handler",
    role: "arn:aws:iam::123456789012:role/wiki-exporter",
    code: new pulumi.asset.FileArchive("./exporter"),
    environment: { variables: { MYSQL_CLIENT_VERSION: "8.0.35", DB_HOST: wiki.address } },
});

export const exporterName = exporter.name;
