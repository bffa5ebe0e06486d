from aws_cdk import CfnOutput, Stack
from aws_cdk import aws_rds as rds
from constructs import Construct


class ReportingStack(Stack):
    """L1 on purpose: the instance predates the L2 and was imported with `cdk import`."""

    def __init__(self, scope: Construct, construct_id: str, *, subnet_group_name: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        db = rds.CfnDBInstance(
            self, "ReportingDb",
            engine="mysql",
            engine_version="8.0.35",
            db_instance_class="db.m6g.large",
            allocated_storage="100",
            db_subnet_group_name=subnet_group_name,
            master_username="reporting",
            manage_master_user_password=True,
        )
        CfnOutput(self, "ReportingEndpoint", value=db.attr_endpoint_address)
