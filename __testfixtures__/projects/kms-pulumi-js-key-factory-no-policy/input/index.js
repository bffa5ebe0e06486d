"use strict";
const pulumi = require("@pulumi/pulumi");
const aws = require("@pulumi/aws");
const { createServiceKey } = require("./keys");

const config = new pulumi.Config();
const stack = pulumi.getStack();
const retentionDays = config.getNumber("retentionDays") || 30;
const tags = { Project: "tap-events", Stack: stack };

const eventsKey = createServiceKey(`tap-events-${stack}`, {
    description: "Encrypts the events queue",
    stack,
    tags,
});
const logsKey = createServiceKey(`tap-logs-${stack}`, {
    description: "Encrypts the ingest function's logs",
    stack,
    tags,
});

const queue = new aws.sqs.Queue(`tap-events-${stack}`, {
    kmsMasterKeyId: eventsKey.arn,
    visibilityTimeoutSeconds: 90,
    tags,
});

const ingestLogs = new aws.cloudwatch.LogGroup(`tap-ingest-logs-${stack}`, {
    name: `/aws/lambda/tap-ingest-${stack}`,
    retentionInDays: retentionDays,
    kmsKeyId: logsKey.arn,
    tags,
});

exports.queueUrl = queue.url;
exports.ingestLogGroup = ingestLogs.name;
