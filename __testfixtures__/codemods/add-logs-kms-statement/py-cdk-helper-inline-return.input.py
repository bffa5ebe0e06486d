from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_kms as kms
from aws_cdk import aws_logs as logs
from constructs import Construct


class StreamingStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.environment_suffix = environment_suffix

        self.logs_key = self._create_kms_key("StreamLogs")  # one key per purpose

        logs.LogGroup(
            self,
            f"ConsumerLogs{environment_suffix}",
            log_group_name=f"/streaming/consumer-{environment_suffix}",
            encryption_key=self.logs_key,
            removal_policy=RemovalPolicy.DESTROY,
        )

    def _create_kms_key(self, name: str) -> kms.Key:
        return kms.Key(self, f"{name}Key", enable_key_rotation=True, removal_policy=RemovalPolicy.DESTROY)
