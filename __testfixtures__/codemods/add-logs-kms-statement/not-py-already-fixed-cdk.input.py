from aws_cdk import Stack, aws_iam as iam, aws_kms as kms, aws_logs as logs
from constructs import Construct


class ProcessingStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        key = kms.Key(self, "ProcessingKey", enable_key_rotation=True)
        key.grant_encrypt_decrypt(iam.ServicePrincipal(f"logs.{self.region}.amazonaws.com"))

        logs.LogGroup(self, "ProcessingLogs", encryption_key=key)
