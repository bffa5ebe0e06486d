"""
tap_stack.py

Payment events pipeline: a KMS-encrypted Kinesis stream, a consumer log group
and the key both use.
"""

import json
from typing import Optional

import pulumi
import pulumi_aws as aws
from pulumi import ResourceOptions


class TapStackArgs:
    """Arguments for the TapStack component.

    Args:
        environment_suffix: suffix used in every resource name.
        tags: tags applied to every resource.
    """

    def __init__(self, environment_suffix: Optional[str] = None, tags: Optional[dict] = None):
        self.environment_suffix = environment_suffix or "dev"
        self.tags = tags or {}


class TapStack(pulumi.ComponentResource):
    """Main component of the TAP project."""

    def __init__(self, name: str, args: TapStackArgs, opts: Optional[ResourceOptions] = None):
        super().__init__("tap:stack:TapStack", name, None, opts)

        self.environment_suffix = args.environment_suffix
        self.tags = args.tags

        caller = aws.get_caller_identity()
        region = aws.get_region()

        key_policy = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "EnableIAMUserPermissions",
                    "Effect": "Allow",
                    "Principal": {"AWS": f"arn:aws:iam::{caller.account_id}:root"},
                    "Action": "kms:*",
                    "Resource": "*",
                },
                {
                    # Lets the consumer's log group be encrypted with this key.
                    "Sid": "AllowCloudWatchLogs",
                    "Effect": "Allow",
                    "Principal": {"Service": "logs.amazonaws.com"},
                    "Action": ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"],
                    "Resource": "*",
                },
            ],
        }

        self.kms_key = aws.kms.Key(
            f"payments-key-{self.environment_suffix}",
            description=f"Payment events key ({self.environment_suffix})",
            deletion_window_in_days=7,
            enable_key_rotation=True,
            policy=json.dumps(key_policy),
            tags=self.tags,
            opts=ResourceOptions(parent=self),
        )

        self.stream = aws.kinesis.Stream(
            f"payment-events-{self.environment_suffix}",
            name=f"payment-events-{self.environment_suffix}",
            shard_count=2,
            retention_period=24,
            encryption_type="KMS",
            kms_key_id=self.kms_key.arn,
            tags=self.tags,
            opts=ResourceOptions(parent=self),
        )

        self.log_group = aws.cloudwatch.LogGroup(
            f"payment-consumer-logs-{self.environment_suffix}",
            name=f"/payments/{self.environment_suffix}/consumer",
            retention_in_days=14,
            kms_key_id=self.kms_key.arn,
            tags=self.tags,
            opts=ResourceOptions(parent=self),
        )

        self.register_outputs(
            {
                "stream_name": self.stream.name,
                "log_group_name": self.log_group.name,
                "region": region.name,
            }
        )
