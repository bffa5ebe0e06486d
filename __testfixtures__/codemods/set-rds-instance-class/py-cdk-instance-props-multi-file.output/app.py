#!/usr/bin/env python3
import aws_cdk as cdk

from infra.legacy_db import LegacyDb

app = cdk.App()
stack = cdk.Stack(app, "LegacyStack", env=cdk.Environment(account="123456789012", region="us-east-1"))
vpc = cdk.aws_ec2.Vpc(stack, "Vpc", max_azs=2)
LegacyDb(stack, "Legacy", vpc=vpc)
app.synth()
