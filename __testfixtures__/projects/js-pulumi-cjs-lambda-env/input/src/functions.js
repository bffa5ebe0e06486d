"use strict";
const aws = require("@pulumi/aws");
const pulumi = require("@pulumi/pulumi");

const region = aws.getRegionOutput().name;

const role = new aws.iam.Role("hooks-role", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }),
});
new aws.iam.RolePolicyAttachment("hooks-basic-execution", {
    role: role.name,
    policyArn: aws.iam.ManagedPolicy.AWSLambdaBasicExecutionRole,
});

/** A Node.js handler from ./app reading its webhook secret from Secrets Manager. */
function makeFunction(name, handler, secretName) {
    return new aws.lambda.Function(name, {
        runtime: aws.lambda.Runtime.NodeJS20dX,
        handler,
        role: role.arn,
        code: new pulumi.asset.FileArchive("./app"),
        timeout: 10,
        environment: {
            variables: {
                AWS_REGION: region, // the SDK needs the region
                LOG_LEVEL: "info",
                SECRET_NAME: secretName,
            },
        },
    });
}

module.exports = { makeFunction };
