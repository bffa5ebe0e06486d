"""tap_stack.py
Data processing stack: an ingest queue, a processor Lambda and its encrypted log group.
"""

from typing import Optional

import aws_cdk as cdk
from aws_cdk import (
    Duration,
    RemovalPolicy,
    CfnOutput,
    aws_iam as iam,
    aws_kms as kms,
    aws_lambda as _lambda,
    aws_logs as logs,
    aws_sqs as sqs,
)
from constructs import Construct


class TapStackProps(cdk.StackProps):
    """Properties for the TapStack.

    Args:
        environment_suffix (Optional[str]): suffix that keeps deployments apart.
    """

    def __init__(self, environment_suffix: Optional[str] = None, **kwargs):
        super().__init__(**kwargs)
        self.environment_suffix = environment_suffix


class TapStack(cdk.Stack):
    """Main stack of the TAP project."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        props: Optional[TapStackProps] = None,
        **kwargs,
    ):
        super().__init__(scope, construct_id, **kwargs)

        environment_suffix = (
            props.environment_suffix if props else None
        ) or self.node.try_get_context("environmentSuffix") or "dev"

        # One key per purpose, both from the same helper.
        self.data_key = self._create_kms_key("Data", environment_suffix)
        self.logs_key = self._create_kms_key("Logs", environment_suffix)
        self.logs_key.add_to_resource_policy(
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

        queue = sqs.Queue(
            self,
            f"IngestQueue{environment_suffix}",
            queue_name=f"tap-ingest-{environment_suffix}",
            encryption=sqs.QueueEncryption.KMS,
            encryption_master_key=self.data_key,
            visibility_timeout=Duration.seconds(120),
        )

        processor_logs = logs.LogGroup(
            self,
            f"ProcessorLogGroup{environment_suffix}",
            log_group_name=f"/aws/lambda/tap-processor-{environment_suffix}",
            encryption_key=self.logs_key,
            retention=logs.RetentionDays.ONE_MONTH,
            removal_policy=RemovalPolicy.DESTROY,
        )

        role = iam.Role(
            self,
            f"ProcessorRole{environment_suffix}",
            assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
            managed_policies=[
                iam.ManagedPolicy.from_aws_managed_policy_name(
                    "service-role/AWSLambdaBasicExecutionRole"
                )
            ],
        )
        queue.grant_consume_messages(role)

        processor = _lambda.Function(
            self,
            f"Processor{environment_suffix}",
            function_name=f"tap-processor-{environment_suffix}",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=_lambda.Code.from_asset("lib/lambda"),
            role=role,
            timeout=Duration.seconds(60),
            log_group=processor_logs,
            environment={"QUEUE_URL": queue.queue_url, "STAGE": environment_suffix},
        )

        CfnOutput(self, "QueueUrl", value=queue.queue_url)
        CfnOutput(self, "ProcessorName", value=processor.function_name)

    def _create_kms_key(self, purpose: str, environment_suffix: str) -> kms.Key:
        """Customer managed key with rotation, destroyed with the stack."""
        return kms.Key(
            self,
            f"{purpose}Key{environment_suffix}",
            alias=f"alias/tap-{purpose.lower()}-{environment_suffix}",
            description=f"TAP {purpose.lower()} key ({environment_suffix})",
            enable_key_rotation=True,
            removal_policy=RemovalPolicy.DESTROY,
        )
