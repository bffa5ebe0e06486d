import aws_cdk as cdk
from aws_cdk import aws_kms as kms
from constructs import Construct


class SecurityConstruct(Construct):
    """Customer managed keys for the analytics pipeline."""

    def __init__(self, scope: Construct, construct_id: str, *, environment_suffix: str) -> None:
        super().__init__(scope, construct_id)

        self.data_key = kms.Key(
            self,
            "DataKey",
            alias=f"alias/analytics-data-{environment_suffix}",
            enable_key_rotation=True,
            removal_policy=cdk.RemovalPolicy.DESTROY,
        )

        self.logs_key = kms.Key(
            self,
            "LogsKey",
            alias=f"alias/analytics-logs-{environment_suffix}",
            enable_key_rotation=True,
            removal_policy=cdk.RemovalPolicy.DESTROY,
        )
