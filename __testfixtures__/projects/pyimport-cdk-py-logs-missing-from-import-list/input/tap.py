#!/usr/bin/env python3
import os

import aws_cdk as cdk

from lib.tap_stack import TapStack, TapStackProps

app = cdk.App()
environment_suffix = app.node.try_get_context("environmentSuffix") or "dev"
STACK_NAME = f"TapStack{environment_suffix}"

props = TapStackProps(
    environment_suffix=environment_suffix,
    env=cdk.Environment(account=os.getenv("CDK_DEFAULT_ACCOUNT"), region=os.getenv("CDK_DEFAULT_REGION")),
)

TapStack(app, STACK_NAME, props=props)

app.synth()
