import aws_cdk as cdk
from aws_cdk import aws_logs as logs
from constructs import Construct


class ServiceLogs(Construct):
    """Log groups for a service; options arrive as keyword arguments from the stack."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id)
        service = kwargs["service"]
        logs.LogGroup(
            self,
            "Application",
            log_group_name=f"/svc/{service}",
            encryption_key=kwargs.get("encryption_key"),
            retention=logs.RetentionDays.ONE_MONTH,
            removal_policy=cdk.RemovalPolicy.DESTROY,
        )
