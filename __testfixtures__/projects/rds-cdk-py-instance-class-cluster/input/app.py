#!/usr/bin/env python3
import aws_cdk as cdk

from infrastructure.inventory_stack import InventoryStack

app = cdk.App()
suffix = app.node.try_get_context("environment_suffix") or "dev"
InventoryStack(app, f"InventoryStack-{suffix}", environment_suffix=suffix)
app.synth()
