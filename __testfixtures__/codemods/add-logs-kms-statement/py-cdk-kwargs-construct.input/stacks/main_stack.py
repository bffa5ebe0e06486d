from aws_cdk import Stack
from aws_cdk import aws_kms as kms
from constructs import Construct

from stacks.log_construct import ServiceLogs


class MainStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        key = kms.Key(self, "ServiceLogsKey", enable_key_rotation=True)
        ServiceLogs(self, "BillingLogs", service="billing", encryption_key=key)
