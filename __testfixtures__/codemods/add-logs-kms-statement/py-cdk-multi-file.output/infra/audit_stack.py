import aws_cdk as cdk
from aws_cdk import aws_logs as logs
from constructs import Construct

from .security import SecurityBaseline


class AuditStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        baseline = SecurityBaseline(self, "Baseline")

        logs.LogGroup(
            self,
            "AuditTrailLogs",
            log_group_name="/audit/trail",
            encryption_key=baseline.logs_key,
            retention=logs.RetentionDays.ONE_YEAR,
        )
