from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_kms as kms
from aws_cdk import aws_logs as logs
from aws_cdk import aws_iam as iam
from constructs import Construct


class StreamingStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.environment_suffix = environment_suffix

        self.logs_key = self._create_kms_key("StreamLogs")  # one key per purpose
        self.logs_key.add_to_resource_policy(
            iam.PolicyStatement(
                sid="AllowCloudWatchLogsUseOfTheKey",
                principals=[iam.ServicePrincipal(f"logs.{self.region}.amazonaws.com")],
                actions=[
                    "kms:Encrypt*",
                    "kms:Decrypt*",
                    "kms:ReEncrypt*",
                    "kms:GenerateDataKey*",
                    "kms:CreateGrant",
                    "kms:Describe*",
                ],
                resources=["*"],
                conditions={
                    "ArnLike": {
                        "kms:EncryptionContext:aws:logs:arn": f"arn:aws:logs:{self.region}:{self.account}:log-group:*",
                    },
                },
            )
        )

        logs.LogGroup(
            self,
            f"ConsumerLogs{environment_suffix}",
            log_group_name=f"/streaming/consumer-{environment_suffix}",
            encryption_key=self.logs_key,
            removal_policy=RemovalPolicy.DESTROY,
        )

    def _create_kms_key(self, name: str) -> kms.Key:
        return kms.Key(self, f"{name}Key", enable_key_rotation=True, removal_policy=RemovalPolicy.DESTROY)
