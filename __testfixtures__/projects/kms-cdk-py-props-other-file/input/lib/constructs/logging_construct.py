from dataclasses import dataclass

import aws_cdk as cdk
from aws_cdk import aws_kms as kms
from aws_cdk import aws_logs as logs
from constructs import Construct


@dataclass
class LoggingProps:
    environment_suffix: str
    encryption_key: kms.IKey
    retention: logs.RetentionDays = logs.RetentionDays.ONE_MONTH


class LoggingConstruct(Construct):
    """Log groups for the Glue jobs and the API of the analytics pipeline."""

    def __init__(self, scope: Construct, construct_id: str, props: LoggingProps) -> None:
        super().__init__(scope, construct_id)

        self.glue_logs = logs.LogGroup(
            self,
            "GlueJobLogs",
            log_group_name=f"/aws-glue/jobs/analytics-{props.environment_suffix}",
            encryption_key=props.encryption_key,
            retention=props.retention,
            removal_policy=cdk.RemovalPolicy.DESTROY,
        )

        self.api_logs = logs.LogGroup(
            self,
            "ApiLogs",
            log_group_name=f"/aws/apigateway/analytics-{props.environment_suffix}",
            encryption_key=props.encryption_key,
            retention=props.retention,
            removal_policy=cdk.RemovalPolicy.DESTROY,
        )
