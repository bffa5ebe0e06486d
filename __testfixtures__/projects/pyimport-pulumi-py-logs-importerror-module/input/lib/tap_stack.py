"""tap_stack.py: order functions and their observability."""

from typing import Optional

import pulumi
import pulumi_aws as aws
from pulumi import ResourceOptions

from .observability import Observability


class TapStackArgs:
    def __init__(self, environment_suffix: Optional[str] = None, tags: Optional[dict] = None):
        self.environment_suffix = environment_suffix or "dev"
        self.tags = tags or {}


class TapStack(pulumi.ComponentResource):
    def __init__(self, name: str, args: TapStackArgs, opts: Optional[ResourceOptions] = None):
        super().__init__("tap:stack:TapStack", name, None, opts)
        suffix = args.environment_suffix

        role = aws.iam.Role(
            f"archive-fn-role-{suffix}",
            assume_role_policy=aws.iam.get_policy_document(
                statements=[{"actions": ["sts:AssumeRole"], "principals": [{"type": "Service", "identifiers": ["lambda.amazonaws.com"]}]}]
            ).json,
            managed_policy_arns=["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
            opts=ResourceOptions(parent=self),
        )
        archive = aws.lambda_.Function(
            f"log-archive-{suffix}",
            runtime="python3.12",
            handler="index.handler",
            role=role.arn,
            code=pulumi.AssetArchive({"index.py": pulumi.FileAsset("lib/lambda/archive.py")}),
            opts=ResourceOptions(parent=self),
        )

        self.observability = Observability("observability", suffix, archive, opts=ResourceOptions(parent=self))
        self.register_outputs({})
