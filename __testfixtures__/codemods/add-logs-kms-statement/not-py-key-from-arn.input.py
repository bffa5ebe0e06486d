from aws_cdk import Stack, aws_kms as kms, aws_logs as logs
from constructs import Construct


class AppStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, shared_key_arn: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # The platform team owns this key (account-wide logging key).
        shared_key = kms.Key.from_key_arn(self, "SharedKey", shared_key_arn)

        logs.LogGroup(
            self,
            "AppLogs",
            encryption_key=shared_key,
            retention=logs.RetentionDays.TWO_WEEKS,
        )
