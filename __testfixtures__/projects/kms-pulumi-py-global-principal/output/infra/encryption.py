"""KMS keys of the claims API."""
import json

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or pulumi.get_stack()

current = aws.get_caller_identity()
region = aws.get_region()

logs_key = aws.kms.Key(
    f"claims-logs-key-{environment_suffix}",
    description="Encrypts the claims API log groups",
    enable_key_rotation=True,
    deletion_window_in_days=7,
    policy=json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "EnableIAMUserPermissions",
                    "Effect": "Allow",
                    "Principal": {"AWS": f"arn:aws:iam::{current.account_id}:root"},
                    "Action": "kms:*",
                    "Resource": "*",
                },
                {
                    # CloudWatch Logs writes the API's logs with this key.
                    "Sid": "AllowCloudWatchLogs",
                    "Effect": "Allow",
                    "Principal": {"Service": f"logs.{region.name}.amazonaws.com"},
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
                            "kms:EncryptionContext:aws:logs:arn": f"arn:aws:logs:{region.name}:{current.account_id}:log-group:*",
                        },
                    },
                },
            ],
        }
    ),
    tags={"Environment": environment_suffix},
)

aws.kms.Alias(f"claims-logs-alias-{environment_suffix}", name=f"alias/claims-logs-{environment_suffix}", target_key_id=logs_key.key_id)
