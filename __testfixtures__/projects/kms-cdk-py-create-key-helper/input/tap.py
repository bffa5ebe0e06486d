#!/usr/bin/env python3
"""CDK app entry point for the TAP stack."""
import os

import aws_cdk as cdk
from aws_cdk import Tags

from lib.tap_stack import TapStack, TapStackProps

app = cdk.App()

# Get environment suffix from context (set by CI/CD pipeline) or use 'dev' as default
environment_suffix = app.node.try_get_context("environmentSuffix") or "dev"
STACK_NAME = f"TapStack{environment_suffix}"

Tags.of(app).add("Environment", environment_suffix)
Tags.of(app).add("Repository", os.getenv("REPOSITORY", "unknown"))

props = TapStackProps(
    environment_suffix=environment_suffix,
    env=cdk.Environment(
        account=os.getenv("CDK_DEFAULT_ACCOUNT"),
        region=os.getenv("CDK_DEFAULT_REGION"),
    ),
)

TapStack(app, STACK_NAME, props=props)

app.synth()
