"use strict";
const aws = require("@pulumi/aws");
const pulumi = require("@pulumi/pulumi");

const bucket = new aws.s3.BucketV2("reports");
const reader = new aws.iam.Role("reports-reader", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }),
});

// Read access to the reports bucket.
new aws.iam.RolePolicy("reports-read", {
    role: reader.id,
    policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: pulumi.interpolate`${bucket.arn}/*` }],
    }),
});
