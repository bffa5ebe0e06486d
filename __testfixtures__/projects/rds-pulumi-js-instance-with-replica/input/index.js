const pulumi = require("@pulumi/pulumi");
const aws = require("@pulumi/aws");
const { createDatabase } = require("./database");

const stack = pulumi.getStack();

const vpc = aws.ec2.getVpcOutput({ tags: { Name: `storefront-${stack}` } });
const subnets = aws.ec2.getSubnetsOutput({ filters: [{ name: "vpc-id", values: [vpc.id] }, { name: "tag:Tier", values: ["private"] }] });

const dbSecurityGroup = new aws.ec2.SecurityGroup(`storefront-db-sg-${stack}`, {
    vpcId: vpc.id,
    ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: [vpc.cidrBlock] }],
});

const db = createDatabase(stack, { subnetIds: subnets.ids, securityGroupIds: [dbSecurityGroup.id] });

exports.dbEndpoint = db.primary.endpoint;
exports.replicaEndpoint = db.replica.endpoint;
