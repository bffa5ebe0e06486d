import aws_cdk as cdk
from constructs import Construct


class AppLogsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        app_key = cdk.aws_kms.CfnKey(
            self,
            "AppKey",
            enable_key_rotation=True,
            key_policy={
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Sid": "EnableRootAccountPermissions",
                        "Effect": "Allow",
                        "Principal": {"AWS": f"arn:aws:iam::{self.account}:root"},
                        "Action": "kms:*",
                        "Resource": "*",
                    },
                    {
                        "Sid": "AllowCloudWatchLogsUseOfTheKey",
                        "Effect": "Allow",
                        "Principal": {"Service": f"logs.{self.region}.amazonaws.com"},
                        "Action": [
                            "kms:Encrypt*",
                            "kms:Decrypt*",
                            "kms:ReEncrypt*",
                            "kms:GenerateDataKey*",
                            "kms:CreateGrant",
                            "kms:Describe*",
                        ],
                        "Resource": "*",
                        "Condition": {
                            "ArnLike": {
                                "kms:EncryptionContext:aws:logs:arn": f"arn:aws:logs:{self.region}:{self.account}:log-group:*",
                            },
                        },
                    }
                ],
            },
        )

        cdk.aws_logs.CfnLogGroup(
            self,
            "AppLogs",
            retention_in_days=30,
            kms_key_id=app_key.attr_arn,
        )
