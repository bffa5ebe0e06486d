from aws_cdk import (
    Duration,
    RemovalPolicy,
    Stack,
    aws_kms as kms,
    aws_lambda as _lambda,
    aws_logs as logs,
    aws_iam as iam,
)
from constructs import Construct


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # One key for everything the orders service writes at rest.
        logs_key = kms.Key(
            self,
            "OrdersLogsKey",
            description="Encrypts the orders log groups",
            enable_key_rotation=True,
            removal_policy=RemovalPolicy.RETAIN,
        )  # rotated yearly
        logs_key.add_to_resource_policy(
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

        processing_logs = logs.LogGroup(
            self,
            "ProcessingLogs",
            log_group_name="/orders/dev/processing",
            encryption_key=logs_key,
            retention=logs.RetentionDays.ONE_MONTH,
        )

        _lambda.Function(
            self,
            "Processor",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="app.handler",
            code=_lambda.Code.from_asset("lambda"),
            timeout=Duration.seconds(30),
            log_group=processing_logs,
        )
