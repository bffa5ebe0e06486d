"""Pulumi program entry point for the TAP infrastructure."""
import os

import pulumi

from lib.tap_stack import TapStack, TapStackArgs

# CI passes the PR number; a developer's stack falls back to its own config.
environment_suffix = os.getenv("ENVIRONMENT_SUFFIX") or pulumi.Config().get("env") or "dev"

default_tags = {
    "Environment": environment_suffix,
    "Repository": os.getenv("REPOSITORY", "unknown"),
    "Author": os.getenv("COMMIT_AUTHOR", "unknown"),
}

stack = TapStack(
    name="pulumi-infra",
    args=TapStackArgs(environment_suffix=environment_suffix, tags=default_tags),
)

pulumi.export("stream_name", stack.stream.name)
pulumi.export("log_group_name", stack.log_group.name)
