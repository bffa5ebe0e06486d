"""TAP stack: the worker role and its queue."""

import json

from cdktf import S3Backend, TerraformOutput, TerraformStack
from constructs import Construct
from cdktf_cdktf_provider_aws.provider import AwsProvider
from cdktf_cdktf_provider_aws.iam_role import IamRole
from cdktf_cdktf_provider_aws.iam_role_policy_attachment import IamRolePolicyAttachment
from cdktf_cdktf_provider_aws.sqs_queue import SqsQueue


class TapStack(TerraformStack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs):
        super().__init__(scope, construct_id)

        environment_suffix = kwargs.get("environment_suffix", "dev")
        aws_region = kwargs.get("aws_region", "us-east-1")

        AwsProvider(self, "aws", region=aws_region, default_tags=[kwargs.get("default_tags", {})])
        S3Backend(
            self,
            bucket=kwargs.get("state_bucket", "iac-tap-tf-states"),
            key=f"{environment_suffix}/{construct_id}.tfstate",
            region=kwargs.get("state_bucket_region", "us-east-1"),
            encrypt=True,
        )

        queue = SqsQueue(
            self,
            "jobs_queue",
            name=f"tap-jobs-{environment_suffix}",
            visibility_timeout_seconds=120,
        )

        worker_role = IamRole(
            self,
            "worker_role",
            name=f"tap-worker-{environment_suffix}",
            assume_role_policy=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Principal": {"Service": "ecs-tasks.amazonaws.com"},
                            "Action": "sts:AssumeRole",
                        }
                    ],
                }
            ),
        )

        IamRolePolicyAttachment(
            self,
            "worker_sqs_access",
            role=worker_role.name,
            policy_arn="arn:aws:iam::aws:policy/AmazonSQSFullAccess",
        )

        TerraformOutput(self, "queue_url", value=queue.url)
        TerraformOutput(self, "worker_role_arn", value=worker_role.arn)
