from aws_cdk import Stack, aws_kms as kms, aws_logs as logs
from constructs import Construct

from platform_lib import iam_policies as iam


class BillingStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        key = kms.Key(self, "BillingKey", policy=iam.default_key_policy(self))
        logs.LogGroup(self, "BillingLogs", encryption_key=key)
