#!/usr/bin/env python3
import aws_cdk as cdk

from infra.registry_stack import RegistryStack

app = cdk.App()
suffix = app.node.try_get_context("environmentSuffix")
RegistryStack(app, f"Registry{suffix.capitalize()}", environment_suffix=suffix)
app.synth()
