import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const stack = pulumi.getStack();
const fn = new aws.lambda.Function(`thumbnailer-${stack}`, {
    runtime: "nodejs20.x",
    handler: "index.handler",
    role: "arn:aws:iam::123456789012:role/thumbnailer",
    code: new pulumi.asset.FileArchive("./app"),
});

export const logGroupName = `/aws/lambda/${fn.name}`;
