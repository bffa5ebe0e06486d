import aws_cdk as cdk
from aws_cdk import aws_kms as kms, aws_s3 as s3
from constructs import Construct


class SecurityBaseline(Construct):
    """Keys and buckets shared by the audit pipeline."""

    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)

        self.logs_key = kms.Key(
            self,
            "LogsKey",
            description="Encrypts the audit log groups",
            enable_key_rotation=True,
            removal_policy=cdk.RemovalPolicy.RETAIN,
        )

        self.archive = s3.Bucket(
            self,
            "Archive",
            encryption=s3.BucketEncryption.KMS_MANAGED,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
        )
