from aws_cdk import (
    CfnOutput,
    Duration,
    RemovalPolicy,
    Stack,
    aws_ec2 as ec2,
    aws_rds as rds,
)
from constructs import Construct


class TapStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        vpc = ec2.Vpc(
            self,
            f"AppVpc{environment_suffix}",
            max_azs=2,
            nat_gateways=0,
            subnet_configuration=[
                ec2.SubnetConfiguration(name="isolated", subnet_type=ec2.SubnetType.PRIVATE_ISOLATED, cidr_mask=24)
            ],
        )

        # Same size for every member so a failover does not change capacity.
        instance_type = ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.SMALL)

        cluster = rds.DatabaseCluster(
            self,
            f"AuroraCluster{environment_suffix}",
            engine=rds.DatabaseClusterEngine.aurora_mysql(
                version=rds.AuroraMysqlEngineVersion.VER_3_08_2
            ),
            writer=rds.ClusterInstance.provisioned("writer", instance_type=instance_type),
            readers=[rds.ClusterInstance.provisioned("reader", instance_type=instance_type)],
            vpc=vpc,
            vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_ISOLATED),
            default_database_name="inventory",
            storage_encrypted=True,
            backup=rds.BackupProps(retention=Duration.days(3)),
            removal_policy=RemovalPolicy.DESTROY,
        )

        CfnOutput(self, "ClusterEndpoint", value=cluster.cluster_endpoint.hostname)
