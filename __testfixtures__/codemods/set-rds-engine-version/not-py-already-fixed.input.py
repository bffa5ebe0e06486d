from aws_cdk import Stack
import aws_cdk.aws_ec2 as ec2
import aws_cdk.aws_rds as rds
from constructs import Construct


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        rds.DatabaseInstance(
            self,
            "OrdersDb",
            # was VER_15_4, unavailable in eu-central-1 since the 2025 deprecation
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_15_8),
            vpc=vpc,
        )
