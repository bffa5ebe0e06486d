"use strict";
const aws = require("@pulumi/aws");
const pulumi = require("@pulumi/pulumi");

/**
 * A symmetric customer managed key with rotation and an alias.
 * Every service key of the project is made here so that they all look the same.
 */
function createServiceKey(name, { description, stack, tags }) {
    const key = new aws.kms.Key(name, {
        description,
        enableKeyRotation: true,
        deletionWindowInDays: 10,
        policy: pulumi
            .all([aws.getCallerIdentityOutput().accountId, aws.getRegionOutput().name])
            .apply(([accountId, region]) =>
                JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "EnableRootAccountAccess",
                            Effect: "Allow",
                            Principal: { AWS: `arn:aws:iam::${accountId}:root` },
                            Action: "kms:*",
                            Resource: "*",
                        },
                        {
                            Sid: "AllowCloudWatchLogsUseOfTheKey",
                            Effect: "Allow",
                            Principal: { Service: `logs.${region}.amazonaws.com` },
                            Action: [
                                "kms:Encrypt*",
                                "kms:Decrypt*",
                                "kms:ReEncrypt*",
                                "kms:GenerateDataKey*",
                                "kms:CreateGrant",
                                "kms:Describe*",
                            ],
                            Resource: "*",
                            Condition: {
                                ArnLike: {
                                    "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${region}:${accountId}:log-group:*`,
                                },
                            },
                        },
                    ],
                }),
            ),
        tags,
    });
    new aws.kms.Alias(`${name}-alias`, {
        name: `alias/${name}`,
        targetKeyId: key.keyId,
    });
    return key;
}

module.exports = { createServiceKey };
