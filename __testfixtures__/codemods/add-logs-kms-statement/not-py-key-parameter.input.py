from aws_cdk import Stack, aws_kms as kms, aws_logs as logs
from constructs import Construct


class ReportsStack(Stack):
    """Gets its key from the SecurityStack (passed in by app.py)."""

    def __init__(self, scope: Construct, construct_id: str, *, logs_key: kms.IKey, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        logs.LogGroup(self, "Logs", log_group_name="/reports/jobs", encryption_key=logs_key)
