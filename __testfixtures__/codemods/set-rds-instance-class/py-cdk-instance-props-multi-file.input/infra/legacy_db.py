from aws_cdk import RemovalPolicy
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_rds as rds
from constructs import Construct


class LegacyDb(Construct):
    """Pre-2.82 style cluster (instance_props); moving to writer/readers is tracked in INFRA-412."""

    def __init__(self, scope: Construct, construct_id: str, *, vpc: ec2.IVpc) -> None:
        super().__init__(scope, construct_id)
        instance_type = ec2.InstanceType("t3.small")
        self.cluster = rds.DatabaseCluster(
            self,
            "Cluster",
            engine=rds.DatabaseClusterEngine.aurora_mysql(version=rds.AuroraMysqlEngineVersion.VER_3_04_0),
            instances=1,
            instance_props=rds.InstanceProps(
                instance_type=instance_type,
                vpc=vpc,
                vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_ISOLATED),
            ),
            removal_policy=RemovalPolicy.SNAPSHOT,
        )
