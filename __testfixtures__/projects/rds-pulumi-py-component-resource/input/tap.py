"""Entry point: reads the environment suffix and builds the stack."""
import os

import pulumi

from lib.tap_stack import TapStack, TapStackArgs

environment_suffix = os.getenv("ENVIRONMENT_SUFFIX") or pulumi.Config().get("env") or "dev"

stack = TapStack(
    name="pulumi-infra",
    args=TapStackArgs(environment_suffix=environment_suffix),
)
