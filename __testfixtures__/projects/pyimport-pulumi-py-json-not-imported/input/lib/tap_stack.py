"""tap_stack.py: storage and the worker that processes it."""

from typing import Optional

import pulumi
import pulumi_aws as aws
from pulumi import ResourceOptions

from .policies import create_worker_role


class TapStackArgs:
    def __init__(self, environment_suffix: Optional[str] = None, tags: Optional[dict] = None):
        self.environment_suffix = environment_suffix or "dev"
        self.tags = tags or {}


class TapStack(pulumi.ComponentResource):
    def __init__(self, name: str, args: TapStackArgs, opts: Optional[ResourceOptions] = None):
        super().__init__("tap:stack:TapStack", name, None, opts)
        suffix = args.environment_suffix

        self.bucket = aws.s3.Bucket(
            f"tap-work-{suffix}",
            force_destroy=True,
            tags=args.tags,
            opts=ResourceOptions(parent=self),
        )
        self.worker_role = create_worker_role(suffix, self.bucket.arn, self)

        self.register_outputs({"bucket": self.bucket.id, "worker_role": self.worker_role.arn})
