#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.data_stack import DataStack

app = cdk.App()
env_name = app.node.try_get_context("env_name")
DataStack(app, f"Commerce-{env_name}-Data", env_name=env_name,
          env=cdk.Environment(account="111122223333", region="us-west-2"))
app.synth()
