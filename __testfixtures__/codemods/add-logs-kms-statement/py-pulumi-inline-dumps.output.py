"""Orders service: API log group encrypted with a customer managed key."""
import json

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
env = config.get("env") or "dev"

current = aws.get_caller_identity()

orders_key = aws.kms.Key(
    "orders-key",
    description=f"Orders {env} data key",
    enable_key_rotation=True,
    policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "EnableRootAccountPermissions",
                "Effect": "Allow",
                "Principal": {"AWS": f"arn:aws:iam::{current.account_id}:root"},
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
                        "kms:EncryptionContext:aws:logs:arn": f"arn:aws:logs:{aws.get_region().name}:{current.account_id}:log-group:*",
                    },
                },
            },
        ],
    }),
)

orders_logs = aws.cloudwatch.LogGroup(
    "orders-logs",
    name=f"/orders/{env}/api",
    retention_in_days=14,
    kms_key_id=orders_key.arn,
)

pulumi.export("log_group_name", orders_logs.name)
