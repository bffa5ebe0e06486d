#!/usr/bin/env python3
import os

import aws_cdk as cdk

from stacks.staging_db import StagingDbStack

app = cdk.App()
StagingDbStack(
    app,
    "StagingDbStack",
    env=cdk.Environment(account="123456789012", region=os.environ.get("CDK_DEFAULT_REGION", "eu-central-1")),
)
app.synth()
