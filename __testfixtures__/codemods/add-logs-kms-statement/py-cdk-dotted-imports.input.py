import aws_cdk as cdk
import aws_cdk.aws_kms as kms
from aws_cdk.aws_logs import LogGroup, RetentionDays
from constructs import Construct


class IngestStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        if self.node.try_get_context("encrypt_logs") != "false":
            ingest_key = kms.Key(self, "IngestKey", alias="alias/ingest-logs", enable_key_rotation=True)
            LogGroup(
                self,
                "IngestLogs",
                encryption_key=ingest_key,
                retention=RetentionDays.THREE_MONTHS,
                removal_policy=cdk.RemovalPolicy.DESTROY,
            )
