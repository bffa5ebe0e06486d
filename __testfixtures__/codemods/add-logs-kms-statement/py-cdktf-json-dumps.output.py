import json

from constructs import Construct
from cdktf import TerraformStack
from cdktf_cdktf_provider_aws.cloudwatch_log_group import CloudwatchLogGroup
from cdktf_cdktf_provider_aws.data_aws_caller_identity import DataAwsCallerIdentity
from cdktf_cdktf_provider_aws.data_aws_region import DataAwsRegion
from cdktf_cdktf_provider_aws.kms_key import KmsKey


class EtlStack(TerraformStack):
    def __init__(self, scope: Construct, ns: str, environment_suffix: str):
        super().__init__(scope, ns)
        current = DataAwsCallerIdentity(self, "current")
        region = DataAwsRegion(self, "region")

        etl_key = KmsKey(
            self,
            "etl-key",
            description="ETL job logs",
            enable_key_rotation=True,
            policy=json.dumps({
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Sid": "Root",
                        "Effect": "Allow",
                        "Principal": {"AWS": f"arn:aws:iam::{current.account_id}:root"},
                        "Action": "kms:*",
                        "Resource": "*",
                    },
                    {
                        "Sid": "AllowCloudWatchLogsUseOfTheKey",
                        "Effect": "Allow",
                        "Principal": {"Service": f"logs.{region.name}.amazonaws.com"},
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
                                "kms:EncryptionContext:aws:logs:arn": f"arn:aws:logs:{region.name}:{current.account_id}:log-group:*",
                            },
                        },
                    },
                ],
            }),
        )

        CloudwatchLogGroup(
            self,
            f"etl-logs-{environment_suffix}",
            name=f"/etl/jobs-{environment_suffix}",
            retention_in_days=30,
            kms_key_id=etl_key.arn,
        )
