#!/usr/bin/env python3
import aws_cdk as cdk
from constructs import Construct
from aws_cdk import aws_logs as logs


class ToolsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        logs.LogGroup(
            self,
            "BuildLogs",
            log_group_name="/acme/tools/build",
            removal_policy=cdk.RemovalPolicy.DESTROY,
        )


app = cdk.App()
ToolsStack(app, "ToolsStack", env=cdk.Environment(account="123456789012", region="eu-west-1"))
app.synth()
