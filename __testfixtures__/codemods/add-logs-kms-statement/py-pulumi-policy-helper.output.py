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
        }, {
            "Sid": "AllowCloudWatchLogsUseOfTheKey",
            "Effect": "Allow",
            "Principal": {"Service": f"logs.{aws.get_region().name}.amazonaws.com"},
            "Action": [
                "kms:Encrypt*",
                "kms:Decrypt*",
                "kms:ReEncrypt*",
                "kms:GenerateDataKey*",
                "kms:CreateGrant",
                "kms:Describe*",
            ],
            "Resource": "*",
            "Condition": {
                "ArnLike": {
                    "kms:EncryptionContext:aws:logs:arn": f"arn:aws:logs:{aws.get_region().name}:{account_id}:log-group:*",
                },
            },
        }],
    })


events_key = aws.kms.Key("events-key", policy=current.account_id.apply(make_policy))

aws.cloudwatch.LogGroup("events-logs", kms_key_id=events_key.arn)
