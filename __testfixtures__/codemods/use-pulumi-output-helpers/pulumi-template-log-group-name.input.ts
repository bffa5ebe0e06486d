import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const role = new aws.iam.Role("blue-lambda-role", {
    assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
    }),
});
const blue = new aws.lambda.Function("blue", {
    role: role.arn,
    runtime: "nodejs20.x",
    handler: "index.handler",
    code: new pulumi.asset.FileArchive("./app"),
});
new aws.cloudwatch.LogGroup("blueLambdaLogs", {
    name: `/aws/lambda/${blue.name}`,
    retentionInDays: 14,
});
