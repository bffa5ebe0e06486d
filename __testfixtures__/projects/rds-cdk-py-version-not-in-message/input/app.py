#!/usr/bin/env python3
import os

import aws_cdk as cdk

from stacks.storage_stack import StorageStack

app = cdk.App()
stage = os.environ.get("STAGE", "qa")
StorageStack(app, f"Storage-{stage}", stage=stage)
app.synth()
