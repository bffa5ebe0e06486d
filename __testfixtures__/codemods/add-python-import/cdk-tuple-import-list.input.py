from aws_cdk import (
    Duration,
    RemovalPolicy,
    Stack,
    aws_kms as kms,
    aws_lambda as lambda_,
)
from constructs import Construct


class IngestStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        key = kms.Key(self, "IngestKey", enable_key_rotation=True)

        log_group = logs.LogGroup(
            self,
            "IngestLogs",
            retention=logs.RetentionDays.TWO_WEEKS,
            encryption_key=key,
            removal_policy=RemovalPolicy.DESTROY,
        )

        lambda_.Function(
            self,
            "Ingest",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="ingest.handler",
            code=lambda_.Code.from_asset("lambda"),
            timeout=Duration.seconds(30),
            log_group=log_group,
        )
