const pulumi = require("@pulumi/pulumi");
const aws = require("@pulumi/aws");

const config = new pulumi.Config();

/** Primary PostgreSQL database and a replica for the reporting jobs. */
function createDatabase(stack, { subnetIds, securityGroupIds }) {
    const subnetGroup = new aws.rds.SubnetGroup(`storefront-db-${stack}`, { subnetIds });

    const primary = new aws.rds.Instance(`storefront-db-${stack}`, {
        identifier: `storefront-${stack}`,
        engine: "postgres",
        engineVersion: "14.7",
        instanceClass: config.get("dbInstanceClass") || "db.t4g.micro",
        allocatedStorage: 30,
        maxAllocatedStorage: 200,
        dbName: "storefront",
        username: "storefront",
        manageMasterUserPassword: true,
        dbSubnetGroupName: subnetGroup.name,
        vpcSecurityGroupIds: securityGroupIds,
        backupRetentionPeriod: 7,
        storageEncrypted: true,
        skipFinalSnapshot: stack !== "production",
    });

    const replica = new aws.rds.Instance(`storefront-db-replica-${stack}`, {
        identifier: `storefront-replica-${stack}`,
        replicateSourceDb: primary.identifier,
        instanceClass: config.get("dbInstanceClass") || "db.t4g.micro",
        vpcSecurityGroupIds: securityGroupIds,
        skipFinalSnapshot: true,
    });

    return { primary, replica };
}

module.exports = { createDatabase };
