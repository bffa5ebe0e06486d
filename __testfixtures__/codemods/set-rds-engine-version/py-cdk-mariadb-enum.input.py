from aws_cdk import Duration, RemovalPolicy, Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_rds as rds
from constructs import Construct


class WikiDatabaseStack(Stack):
    """MariaDB for the wiki; the engine must stay MySQL-protocol compatible."""

    def __init__(self, scope: Construct, construct_id: str, *, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        rds.DatabaseInstance(
            self,
            "WikiDb",
            engine=rds.DatabaseInstanceEngine.maria_db(
                version=rds.MariaDbEngineVersion.VER_10_6_14,  # matches the on-prem server
            ),
            instance_type=ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE4_GRAVITON, ec2.InstanceSize.SMALL),
            vpc=vpc,
            allocated_storage=20,
            backup_retention=Duration.days(7),
            removal_policy=RemovalPolicy.SNAPSHOT,
        )
