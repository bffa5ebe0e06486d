"""Reports bucket and the renderer's read access."""
import json

import pulumi
import pulumi_aws as aws

reports = aws.s3.Bucket("reports", force_destroy=True)
reader = aws.iam.Role(
    "reports-reader",
    assume_role_policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
    }),
)

aws.iam.RolePolicy(
    "reports-read",
    role=reader.id,
    policy=pulumi.Output.json_dumps(
        {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": [reports.arn]}],
        },
        indent=2,
    ),
)

pulumi.export("bucket", reports.bucket)
