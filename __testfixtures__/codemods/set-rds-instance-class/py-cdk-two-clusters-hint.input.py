import aws_cdk as cdk
import aws_cdk.aws_ec2 as ec2
import aws_cdk.aws_rds as rds
from constructs import Construct


class SearchStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Suggestions have run on Aurora MySQL 2 since 2022; its upgrade is a separate change.
        rds.DatabaseCluster(
            self, "SuggestCluster",
            engine=rds.DatabaseClusterEngine.aurora_mysql(version=rds.AuroraMysqlEngineVersion.VER_2_11_2),
            writer=rds.ClusterInstance.provisioned("writer", instance_type=ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.SMALL)),
            vpc=vpc,
        )
        # New in this release.
        rds.DatabaseCluster(
            self, "SearchCluster",
            engine=rds.DatabaseClusterEngine.aurora_mysql(version=rds.AuroraMysqlEngineVersion.VER_3_04_0),
            writer=rds.ClusterInstance.provisioned("writer", instance_type=ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.SMALL)),
            readers=[rds.ClusterInstance.serverless_v2("reader", scale_with_writer=True)],
            vpc=vpc,
        )
