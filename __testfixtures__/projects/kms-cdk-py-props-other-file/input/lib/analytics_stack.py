from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct

from lib.constructs.logging_construct import LoggingConstruct, LoggingProps
from lib.constructs.security import SecurityConstruct


class AnalyticsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        security = SecurityConstruct(self, "Security", environment_suffix=environment_suffix)

        s3.Bucket(
            self,
            "RawData",
            bucket_name=f"analytics-raw-{environment_suffix}-{self.account}",
            encryption=s3.BucketEncryption.KMS,
            encryption_key=security.data_key,
            enforce_ssl=True,
        )

        LoggingConstruct(
            self,
            "Logging",
            LoggingProps(environment_suffix=environment_suffix, encryption_key=security.logs_key),
        )
