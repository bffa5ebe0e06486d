import aws_cdk.aws_kms as kms
import aws_cdk.aws_logs as logs
from aws_cdk import Stack
from constructs import Construct


class TwoKeysStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        api_key = kms.Key(self, "ApiKey")
        jobs_key = kms.Key(self, "JobsKey")

        logs.LogGroup(self, "ApiLogs", encryption_key=api_key)
        logs.LogGroup(self, "JobsLogs", encryption_key=jobs_key)
