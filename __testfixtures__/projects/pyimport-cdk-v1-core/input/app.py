#!/usr/bin/env python3
from aws_cdk import core

from stacks.storage_stack import StorageStack

app = core.App()
environment_suffix = app.node.try_get_context("environmentSuffix") or "dev"

StorageStack(
    app,
    f"InventoryStorage-{environment_suffix}",
    environment_suffix=environment_suffix,
    env=core.Environment(account="123456789012", region="eu-west-1"),
)

app.synth()
