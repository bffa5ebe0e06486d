import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const config = new pulumi.Config();
const stage = pulumi.getStack();
// The network team owns the VPC; we only get a subnet group name.
const dbSubnetGroupName = config.require("dbSubnetGroupName");

const caller = aws.getCallerIdentityOutput();
const tags = { service: "orders", stage, "managed-by": "pulumi" };

// Customer managed key for the cluster's storage and its exported logs.
const logsKey = new aws.kms.Key("logs-key", {
    description: `orders ${stage} data at rest`,
    enableKeyRotation: true,
    deletionWindowInDays: 7,
    policy: caller.accountId.apply((accountId) => JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "EnableRootPermissions",
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${accountId}:root` },
                Action: "kms:*",
                Resource: "*",
            },
        ],
    })),
    tags,
});

const cluster = new aws.rds.Cluster("orders-aurora", {
    engine: "aurora-mysql",
    engineVersion: "8.0.mysql_aurora.3.04.0",
    databaseName: "orders",
    masterUsername: "orders_admin",
    manageMasterUserPassword: true,
    dbSubnetGroupName,
    storageEncrypted: true,
    kmsKeyId: logsKey.arn,
    enabledCloudwatchLogsExports: ["audit", "error", "slowquery"],
    backupRetentionPeriod: 1,
    skipFinalSnapshot: true,
    tags,
});

// RDS would create this group on first export, unencrypted and kept forever: own it instead.
const auditLogs = new aws.cloudwatch.LogGroup("audit-logs", {
    name: pulumi.interpolate`/aws/rds/cluster/${cluster.clusterIdentifier}/audit`,
    kmsKeyId: logsKey.arn,
    retentionInDays: 30,
    tags,
});

const writer = new aws.rds.ClusterInstance("orders-aurora-1", {
    clusterIdentifier: cluster.id,
    engine: "aurora-mysql",
    engineVersion: cluster.engineVersion,
    instanceClass: "db.t3.small",
    publiclyAccessible: false,
    tags,
});

const alarms = new aws.sns.Topic("orders-alarms", { tags });

new aws.cloudwatch.MetricAlarm("writer-cpu", {
    namespace: "AWS/RDS",
    metricName: "CPUUtilization",
    dimensions: { DBInstanceIdentifier: writer.identifier },
    statistic: "Average",
    period: 300,
    evaluationPeriods: 3,
    threshold: 80,
    comparisonOperator: "GreaterThanThreshold",
    alarmActions: [alarms.arn],
    tags,
});

export const clusterEndpoint = cluster.endpoint;
export const auditLogGroup = auditLogs.name;
