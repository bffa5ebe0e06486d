"""Audit pipeline: the key's policy is a resource of its own, reviewed by the security team."""
import json

import pulumi
import pulumi_aws as aws

stack = pulumi.get_stack()
identity = aws.get_caller_identity()

audit_key = aws.kms.Key(f"audit-key-{stack}", enable_key_rotation=True)

aws.kms.KeyPolicy(
    f"audit-key-policy-{stack}",
    key_id=audit_key.id,
    policy=json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "Root",
                    "Effect": "Allow",
                    "Principal": {"AWS": f"arn:aws:iam::{identity.account_id}:root"},
                    "Action": "kms:*",
                    "Resource": "*",
                },
                {
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
                            "kms:EncryptionContext:aws:logs:arn": f"arn:aws:logs:{aws.get_region().name}:{identity.account_id}:log-group:*",
                        },
                    },
                },
            ],
        }
    ),
)

aws.cloudwatch.LogGroup(f"audit-logs-{stack}", name=f"/audit/{stack}", kms_key_id=audit_key.arn)
