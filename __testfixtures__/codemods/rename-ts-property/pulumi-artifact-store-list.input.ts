import * as aws from "@pulumi/aws";

const artifacts = new aws.s3.Bucket("pipeline-artifacts");
const role = new aws.iam.Role("pipeline-role", { assumeRolePolicy: "{}" });

export const pipeline = new aws.codepipeline.Pipeline("app-pipeline", {
    roleArn: role.arn,
    artifactStore: {
        location: artifacts.bucket,
        type: "S3",
    },
    stages: [],
});
