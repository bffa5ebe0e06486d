#!/usr/bin/env python
"""Reporting service: the report builder's queue, log groups and their key."""
import json
import os

from constructs import Construct
from cdktf import App, TerraformOutput, TerraformStack
from cdktf_cdktf_provider_aws.cloudwatch_log_group import CloudwatchLogGroup
from cdktf_cdktf_provider_aws.kms_alias import KmsAlias
from cdktf_cdktf_provider_aws.kms_key import KmsKey
from cdktf_cdktf_provider_aws.provider import AwsProvider
from cdktf_cdktf_provider_aws.sqs_queue import SqsQueue
from cdktf_cdktf_provider_aws.data_aws_caller_identity import DataAwsCallerIdentity


class ReportsStack(TerraformStack):
    def __init__(self, scope: Construct, ns: str, *, environment_suffix: str, aws_region: str):
        super().__init__(scope, ns)
        self.environment_suffix = environment_suffix

        AwsProvider(self, "aws", region=aws_region)

        caller_identity = DataAwsCallerIdentity(self, "caller-identity")
        logs_key = KmsKey(
            self,
            "reports-logs-key",
            description=f"Reports log groups ({environment_suffix})",
            enable_key_rotation=True,
            deletion_window_in_days=7,
            policy=json.dumps({
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Sid": "EnableRootAccountPermissions",
                        "Effect": "Allow",
                        "Principal": {"AWS": f"arn:aws:iam::{caller_identity.account_id}:root"},
                        "Action": "kms:*",
                        "Resource": "*",
                    },
                    {
                        "Sid": "AllowCloudWatchLogsUseOfTheKey",
                        "Effect": "Allow",
                        "Principal": {"Service": f"logs.{aws_region}.amazonaws.com"},
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
                                "kms:EncryptionContext:aws:logs:arn": f"arn:aws:logs:{aws_region}:{caller_identity.account_id}:log-group:*",
                            },
                        },
                    },
                ],
            }),
        )
        KmsAlias(self, "reports-logs-key-alias", name=f"alias/reports-logs-{environment_suffix}", target_key_id=logs_key.key_id)

        queue = SqsQueue(self, "reports-queue", name=f"reports-{environment_suffix}", sqs_managed_sse_enabled=True)

        builder_logs = self._create_log_group("builder", logs_key.arn)
        self._create_log_group("scheduler", logs_key.arn)

        TerraformOutput(self, "queue_url", value=queue.url)
        TerraformOutput(self, "builder_log_group", value=builder_logs.name)

    def _create_log_group(self, component: str, kms_key_arn: str) -> CloudwatchLogGroup:
        return CloudwatchLogGroup(
            self,
            f"{component}-logs",
            name=f"/reports/{component}-{self.environment_suffix}",
            retention_in_days=14,
            kms_key_id=kms_key_arn,
        )


app = App()
environment_suffix = os.getenv("ENVIRONMENT_SUFFIX", "staging")
ReportsStack(app, f"reports-{environment_suffix}", environment_suffix=environment_suffix, aws_region=os.getenv("AWS_REGION", "eu-west-3"))
app.synth()
