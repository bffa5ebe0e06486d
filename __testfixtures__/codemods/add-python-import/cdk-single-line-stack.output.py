from aws_cdk import Stack, aws_logs as logs
from constructs import Construct


class AuditStack(Stack):
    """Keeps the audit trail's log group for a year."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.audit_logs = logs.LogGroup(self, "AuditLogs", retention=logs.RetentionDays.ONE_YEAR)
