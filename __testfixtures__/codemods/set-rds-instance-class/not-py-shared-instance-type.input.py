from aws_cdk import Stack, aws_ec2 as ec2, aws_rds as rds
from constructs import Construct


class InventoryStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        small = ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.SMALL)
        rds.DatabaseCluster(
            self, "InventoryCluster",
            engine=rds.DatabaseClusterEngine.aurora_mysql(version=rds.AuroraMysqlEngineVersion.VER_3_04_0),
            writer=rds.ClusterInstance.provisioned("writer", instance_type=small),
            vpc=vpc,
        )
        rds.DatabaseInstance(
            self, "InventoryArchive",
            engine=rds.DatabaseInstanceEngine.mysql(version=rds.MysqlEngineVersion.VER_8_0_39),
            instance_type=small,
            vpc=vpc,
        )
