import * as aws from "@pulumi/aws";

// Reporting replica source. Version bumped by hand from the release notes.
const reporting = new aws.rds.Instance("reporting-db", {
    engine: "mysql",
    engineVersion: "8.0.51",
    instanceClass: aws.rds.InstanceType.T4G_Medium,
    allocatedStorage: 100,
    username: "reporting",
    manageMasterUserPassword: true,
    backupRetentionPeriod: 7,
});

export const reportingAddress = reporting.address;
