from aws_cdk import Stack, aws_kms as kms, aws_logs as logs
from constructs import Construct


class ExportStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        audit_key = kms.Key(self, "AuditKey")
        logs.LogGroup(self, "AuditLogs", encryption_key=audit_key)

        # Plain log group: no customer key, so the failure is not about a key policy.
        logs.LogGroup(self, "ExportLogs", retention=logs.RetentionDays.ONE_WEEK)
