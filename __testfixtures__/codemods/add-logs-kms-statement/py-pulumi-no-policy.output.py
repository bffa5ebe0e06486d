import json

import pulumi
import pulumi_aws as aws

worker_key = aws.kms.Key(
    "inventory-worker-key",
    description="Inventory worker logs",
    deletion_window_in_days=10,
    policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "EnableRootAccountPermissions",
                "Effect": "Allow",
                "Principal": {"AWS": f"arn:aws:iam::{aws.get_caller_identity().account_id}:root"},
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
                        "kms:EncryptionContext:aws:logs:arn": f"arn:aws:logs:{aws.get_region().name}:{aws.get_caller_identity().account_id}:log-group:*",
                    },
                },
            },
        ],
    }),
)

worker_logs = aws.cloudwatch.LogGroup(
    "inventory-worker-logs",
    retention_in_days=7,
    kms_key_id=worker_key.arn,
    tags={"team": "inventory"},
)
