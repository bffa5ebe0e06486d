from aws_cdk import (
    Duration,
    RemovalPolicy,
    Stack,
    aws_kms as kms,
    aws_lambda as _lambda,
    aws_logs as logs,
)
from constructs import Construct


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # One key for everything the orders service writes at rest.
        logs_key = kms.Key(
            self,
            "OrdersLogsKey",
            description="Encrypts the orders log groups",
            enable_key_rotation=True,
            removal_policy=RemovalPolicy.RETAIN,
        )  # rotated yearly

        processing_logs = logs.LogGroup(
            self,
            "ProcessingLogs",
            log_group_name="/orders/dev/processing",
            encryption_key=logs_key,
            retention=logs.RetentionDays.ONE_MONTH,
        )

        _lambda.Function(
            self,
            "Processor",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="app.handler",
            code=_lambda.Code.from_asset("lambda"),
            timeout=Duration.seconds(30),
            log_group=processing_logs,
        )
