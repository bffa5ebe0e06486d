#!/usr/bin/env python3
import os

from aws_cdk import core

from stacks.api_stack import ApiStack

app = core.App()
stage = os.environ.get("STAGE", "dev")
ApiStack(app, f"Api-{stage}", stage=stage, env=core.Environment(account="111122223333", region="us-west-2"))
app.synth()
