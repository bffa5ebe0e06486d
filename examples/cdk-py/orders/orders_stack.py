from aws_cdk import (
    Duration,
    RemovalPolicy,
    Stack,
    aws_ec2 as ec2,
    aws_ecr as ecr,
    aws_kms as kms,
    aws_logs as logs,
    aws_rds as rds,
)
from constructs import Construct

from orders.monitoring import OrdersMonitoring


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, stage: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        vpc = ec2.Vpc(
            self,
            "Vpc",
            max_azs=2,
            nat_gateways=0,
            subnet_configuration=[
                ec2.SubnetConfiguration(name="db", subnet_type=ec2.SubnetType.PRIVATE_ISOLATED, cidr_mask=24),
            ],
        )

        # One customer managed key for the service's logs.
        key = kms.Key(
            self,
            "OrdersKey",
            alias=f"alias/orders-{stage}",
            enable_key_rotation=True,
            removal_policy=RemovalPolicy.DESTROY,
        )

        app_logs = logs.LogGroup(
            self,
            "AppLogs",
            log_group_name=f"/aws/lambda/orders-{stage}",
            encryption_key=key,
            retention=logs.RetentionDays.ONE_MONTH,
            removal_policy=RemovalPolicy.DESTROY,
        )

        ecr.Repository(
            self,
            "OrdersRepo",
            repository_name=f"orders-api-{stage}",
            image_scan_on_push=True,
            removal_policy=RemovalPolicy.DESTROY,
            auto_delete_images=True,  # dev stacks are torn down often
        )

        rds.DatabaseInstance(
            self,
            "OrdersDb",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_15_4),
            instance_type=ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.MICRO),
            vpc=vpc,
            vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_ISOLATED),
            backup_retention=Duration.days(1),
            removal_policy=RemovalPolicy.DESTROY,
        )

        OrdersMonitoring(self, "Monitoring", log_group=app_logs)
