import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const current = aws.getCallerIdentityOutput({});
const region = aws.getRegionOutput({});

const stack = pulumi.getStack();

const paymentsKey = new aws.kms.Key("payments-key", {
    description: "Payments service data key",
    enableKeyRotation: true,
    policy: pulumi.all([current.accountId, region.name]).apply(([accountId, regionName]) =>
        JSON.stringify({
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "EnableRootAccountPermissions",
                    "Effect": "Allow",
                    "Principal": { "AWS": `arn:aws:iam::${accountId}:root` },
                    "Action": "kms:*",
                    "Resource": "*",
                },
                {
                    "Sid": "AllowLambdaDecrypt",
                    "Effect": "Allow",
                    "Principal": { "Service": "lambda.amazonaws.com" },
                    "Action": ["kms:Decrypt"],
                    "Resource": "*",
                    "Condition": { "StringEquals": { "aws:SourceAccount": accountId } },
                }, // lambda reads secrets
            ],
        }),
    ),
});

const paymentsLogs = new aws.cloudwatch.LogGroup(`payments-${stack}-logs`, {
    retentionInDays: 14,
    kmsKeyId: paymentsKey.arn,
});

export const logGroupName = paymentsLogs.name;
