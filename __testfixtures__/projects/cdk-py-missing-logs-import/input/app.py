#!/usr/bin/env python3
import os

import aws_cdk as cdk

from stacks.monitoring_stack import MonitoringStack
from stacks.queue_stack import QueueStack

app = cdk.App()
environment_suffix = app.node.try_get_context("environmentSuffix") or os.environ.get("ENVIRONMENT_SUFFIX", "dev")
env = cdk.Environment(account=os.environ.get("CDK_DEFAULT_ACCOUNT"), region=os.environ.get("CDK_DEFAULT_REGION", "eu-west-1"))

queues = QueueStack(app, f"QueueStack-{environment_suffix}", environment_suffix=environment_suffix, env=env)
MonitoringStack(app, f"MonitoringStack-{environment_suffix}", environment_suffix=environment_suffix, queue=queues.orders_queue, env=env)

app.synth()
