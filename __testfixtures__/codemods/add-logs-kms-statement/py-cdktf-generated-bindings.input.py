#!/usr/bin/env python
from constructs import Construct
from cdktf import App, TerraformStack
from imports.aws.cloudwatch_log_group import CloudwatchLogGroup
from imports.aws.kms_key import KmsKey
from imports.aws.provider import AwsProvider


class NotifierStack(TerraformStack):
    def __init__(self, scope: Construct, ns: str):
        super().__init__(scope, ns)
        AwsProvider(self, "AWS", region="us-east-2")

        key = KmsKey(self, "notifier-key", enable_key_rotation=True)
        CloudwatchLogGroup(self, "notifier-logs", name="/notifier/app", kms_key_id=key.arn)


app = App()
NotifierStack(app, "notifier")
app.synth()
