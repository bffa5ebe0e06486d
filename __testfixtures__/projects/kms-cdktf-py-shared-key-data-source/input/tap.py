#!/usr/bin/env python
import os

from cdktf import App

from lib.tap_stack import TapStack

environment_suffix = os.getenv("ENVIRONMENT_SUFFIX", "dev")
state_bucket = os.getenv("TERRAFORM_STATE_BUCKET", "iac-tap-tf-states")
aws_region = os.getenv("AWS_REGION", "us-west-2")

app = App()

TapStack(
    app,
    f"TapStack{environment_suffix}",
    environment_suffix=environment_suffix,
    state_bucket=state_bucket,
    state_bucket_region="us-east-1",
    aws_region=aws_region,
    default_tags={"tags": {"Environment": environment_suffix}},
)

app.synth()
