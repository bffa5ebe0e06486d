#!/usr/bin/env python
import json

from constructs import Construct
from cdktf import App, TerraformStack
from imports.aws.cloudwatch_log_group import CloudwatchLogGroup
from imports.aws.kms_key import KmsKey
from imports.aws.provider import AwsProvider
from imports.aws.data_aws_caller_identity import DataAwsCallerIdentity


class NotifierStack(TerraformStack):
    def __init__(self, scope: Construct, ns: str):
        super().__init__(scope, ns)
        AwsProvider(self, "AWS", region="us-east-2")

        caller_identity = DataAwsCallerIdentity(self, "caller-identity")
        key = KmsKey(
            self,
            "notifier-key",
            enable_key_rotation=True,
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
                        "Principal": {"Service": "logs.us-east-2.amazonaws.com"},
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
                                "kms:EncryptionContext:aws:logs:arn": f"arn:aws:logs:us-east-2:{caller_identity.account_id}:log-group:*",
                            },
                        },
                    },
                ],
            }),
        )
        CloudwatchLogGroup(self, "notifier-logs", name="/notifier/app", kms_key_id=key.arn)


app = App()
NotifierStack(app, "notifier")
app.synth()
