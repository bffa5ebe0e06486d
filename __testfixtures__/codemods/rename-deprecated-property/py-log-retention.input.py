from aws_cdk import (
    Duration,
    Stack,
    aws_lambda as _lambda,
    aws_logs as logs,
)
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.handler = _lambda.Function(
            self,
            "OrdersHandler",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="orders.handler",
            code=_lambda.Code.from_asset("lambda/orders"),
            timeout=Duration.seconds(10),
            log_retention=logs.RetentionDays.TWO_WEEKS,
        )
