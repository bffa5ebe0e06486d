import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createDatabase } from "./database";

const config = new pulumi.Config();
const environmentSuffix = config.require("environmentSuffix");
const vpcId = config.require("vpcId");

const privateSubnets = aws.ec2.getSubnetsOutput({
    filters: [
        { name: "vpc-id", values: [vpcId] },
        { name: "tag:Tier", values: ["private"] },
    ],
});

const dbSecurityGroup = new aws.ec2.SecurityGroup(`financial-db-sg-${environmentSuffix}`, {
    vpcId,
    description: "Ledger database access from the application tier",
    ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["10.20.0.0/16"] }],
    tags: { Environment: environmentSuffix },
});

const database = createDatabase({
    environmentSuffix,
    subnetIds: privateSubnets.ids,
    securityGroupId: dbSecurityGroup.id,
});

export const clusterEndpoint = database.cluster.endpoint;
export const readerEndpoint = database.cluster.readerEndpoint;
export const globalClusterId = database.globalCluster.id;
