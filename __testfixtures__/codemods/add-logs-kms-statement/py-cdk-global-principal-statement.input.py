from aws_cdk import Stack, aws_iam as iam, aws_kms as kms, aws_logs as logs
from constructs import Construct


class MetricsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        key = kms.Key(self, "MetricsKey", enable_key_rotation=True)
        key.add_to_resource_policy(
            iam.PolicyStatement(
                sid="CloudWatchLogsAccess",
                principals=[iam.ServicePrincipal("logs.amazonaws.com")],  # as in an old blog post
                actions=["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"],
                resources=["*"],
            )
        )

        logs.LogGroup(self, "MetricsLogs", log_group_name="/metrics/ingest", encryption_key=key)
