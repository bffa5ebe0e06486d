import json

from constructs import Construct
from cdktf import TerraformStack
from cdktf_cdktf_provider_aws.cloudwatch_log_group import CloudwatchLogGroup
from cdktf_cdktf_provider_aws.data_aws_caller_identity import DataAwsCallerIdentity
from cdktf_cdktf_provider_aws.kms_key import KmsKey
from cdktf_cdktf_provider_aws.provider import AwsProvider


class PlatformStack(TerraformStack):
    def __init__(self, scope: Construct, ns: str, region: str):
        super().__init__(scope, ns)
        AwsProvider(self, "aws", region=region)
        self.caller = DataAwsCallerIdentity(self, "caller")

        app_key = KmsKey(self, "app-logs-key", enable_key_rotation=True)
        audit_key = KmsKey(
            self,
            "audit-logs-key",
            enable_key_rotation=True,
            policy=json.dumps({
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Sid": "EnableRootAccountPermissions",
                        "Effect": "Allow",
                        "Principal": {"AWS": f"arn:aws:iam::{self.caller.account_id}:root"},
                        "Action": "kms:*",
                        "Resource": "*",
                    },
                    {
                        "Sid": "AllowCloudWatchLogsUseOfTheKey",
                        "Effect": "Allow",
                        "Principal": {"Service": f"logs.{region}.amazonaws.com"},
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
                                "kms:EncryptionContext:aws:logs:arn": f"arn:aws:logs:{region}:{self.caller.account_id}:log-group:*",
                            },
                        },
                    },
                ],
            }),
        )

        self._log_group("app", app_key.arn)
        self._log_group("audit", audit_key.arn)

    def _log_group(self, component: str, key_arn: str) -> CloudwatchLogGroup:
        return CloudwatchLogGroup(self, f"{component}-logs", name=f"/platform/{component}", kms_key_id=key_arn)
