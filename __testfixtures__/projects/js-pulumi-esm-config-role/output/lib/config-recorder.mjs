import * as aws from "@pulumi/aws";

const partition = aws.getPartitionOutput().partition;

/** The AWS Config recorder, its role and the delivery channel to a bucket. */
export function createRecorder(name) {
    const role = new aws.iam.Role(`${name}-role`, {
        assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "config.amazonaws.com" }),
    });

    // The managed policy AWS Config needs to read resource configurations.
    new aws.iam.RolePolicyAttachment(`${name}-managed`, {
        role: role.name,
        policyArn: "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole",
    });

    const bucket = new aws.s3.BucketV2(`${name}-history`, { forceDestroy: true });

    const recorder = new aws.cfg.Recorder(`${name}-recorder`, {
        roleArn: role.arn,
        recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
    });
    new aws.cfg.DeliveryChannel(`${name}-channel`, { s3BucketName: bucket.bucket }, { dependsOn: [recorder] });
    return recorder;
}
