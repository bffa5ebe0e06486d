from aws_cdk import (
    Stack,
    aws_logs as logs,
)
from constructs import Construct


class LogsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        logs.LogGroup(self, "Logs", retention=logs.RetentionDays.ONE_WEEK)
