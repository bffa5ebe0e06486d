"""Bucket policy for the static assets."""
import json

import pulumi
import pulumi_aws as aws

assets = aws.s3.BucketV2("assets")

aws.s3.BucketPolicy(
    "assets-policy",
    bucket=assets.id,
    policy=assets.arn.apply(
        lambda arn: json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": f"{arn}/*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}],
            }
        )
    ),
)
pulumi.export("assets_bucket", assets.bucket)
