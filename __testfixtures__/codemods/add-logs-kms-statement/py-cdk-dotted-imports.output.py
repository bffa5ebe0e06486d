import aws_cdk as cdk
import aws_cdk.aws_iam as iam
import aws_cdk.aws_kms as kms
from aws_cdk.aws_logs import LogGroup, RetentionDays
from constructs import Construct


class IngestStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        if self.node.try_get_context("encrypt_logs") != "false":
            ingest_key = kms.Key(self, "IngestKey", alias="alias/ingest-logs", enable_key_rotation=True)
            ingest_key.add_to_resource_policy(
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
            LogGroup(
                self,
                "IngestLogs",
                encryption_key=ingest_key,
                retention=RetentionDays.THREE_MONTHS,
                removal_policy=cdk.RemovalPolicy.DESTROY,
            )
