import json

import pulumi_aws as aws

current = aws.get_caller_identity_output()


def make_policy(account_id: str) -> str:
    return json.dumps({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": {"AWS": f"arn:aws:iam::{account_id}:root"},
            "Action": "kms:*",
            "Resource": "*",
        }],
    })


events_key = aws.kms.Key("events-key", policy=current.account_id.apply(make_policy))

aws.cloudwatch.LogGroup("events-logs", kms_key_id=events_key.arn)
