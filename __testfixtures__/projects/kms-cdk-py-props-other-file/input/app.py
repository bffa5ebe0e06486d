#!/usr/bin/env python3
import os

import aws_cdk as cdk

from lib.analytics_stack import AnalyticsStack

app = cdk.App()
environment_suffix = os.environ.get("ENVIRONMENT_SUFFIX", "pr1234")
AnalyticsStack(app, f"AnalyticsStack-{environment_suffix}", environment_suffix=environment_suffix)
app.synth()
