import json

import pulumi
import pulumi_aws as aws

region = aws.get_region()
current = aws.get_caller_identity()

rotation_key = aws.kms.Key(
    "rotation-key",
    policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [
            {"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{current.account_id}:root"}, "Action": "kms:*", "Resource": "*"},
            {
                "Sid": "Logs",
                "Effect": "Allow",
                "Principal": {"Service": f"logs.{region.name}.amazonaws.com"},
                # Encrypt and decrypt only; grants were not needed before.
                "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:GenerateDataKey*"],
                "Resource": "*",
            },
        ],
    }),
)

aws.cloudwatch.LogGroup(
    "rotation-function-logs",
    name=f"/aws/lambda/rotation-function-{pulumi.get_stack()}",
    kms_key_id=rotation_key.arn,
)
