#!/usr/bin/env python3
import os

import aws_cdk as cdk

from orders.ledger_stack import LedgerStack
from orders.orders_stack import OrdersStack

app = cdk.App()
env = cdk.Environment(account=os.getenv("CDK_DEFAULT_ACCOUNT"), region=os.getenv("CDK_DEFAULT_REGION"))
stage = app.node.try_get_context("stage") or "dev"

OrdersStack(app, "OrdersStack", stage=stage, env=env)
LedgerStack(app, "LedgerStack", env=env)
app.synth()
