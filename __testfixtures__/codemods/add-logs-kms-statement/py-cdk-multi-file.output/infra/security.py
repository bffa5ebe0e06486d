import aws_cdk as cdk
from aws_cdk import aws_kms as kms, aws_s3 as s3, aws_iam as iam
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
        self.logs_key.add_to_resource_policy(
            iam.PolicyStatement(
                sid="AllowCloudWatchLogsUseOfTheKey",
                principals=[iam.ServicePrincipal(f"logs.{cdk.Stack.of(self).region}.amazonaws.com")],
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
                        "kms:EncryptionContext:aws:logs:arn": f"arn:aws:logs:{cdk.Stack.of(self).region}:{cdk.Stack.of(self).account}:log-group:*",
                    },
                },
            )
        )

        self.archive = s3.Bucket(
            self,
            "Archive",
            encryption=s3.BucketEncryption.KMS_MANAGED,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
        )
