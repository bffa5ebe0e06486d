from aws_cdk import CfnOutput, Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_rds as rds
from constructs import Construct


class InventoryStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        vpc = ec2.Vpc(self, "InventoryVpc", max_azs=2, nat_gateways=1)

        # Operators reach the database through this host.
        bastion = ec2.Instance(
            self,
            "Bastion",
            vpc=vpc,
            instance_type=ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.SMALL),
            machine_image=ec2.MachineImage.latest_amazon_linux2023(),
        )

        db_instance_type = ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.SMALL)
        cluster = rds.DatabaseCluster(
            self,
            f"InventoryCluster-{environment_suffix}",
            engine=rds.DatabaseClusterEngine.aurora_mysql(version=rds.AuroraMysqlEngineVersion.VER_3_04_0),
            writer=rds.ClusterInstance.provisioned("writer", instance_type=db_instance_type),
            readers=[
                rds.ClusterInstance.provisioned("reader1", instance_type=db_instance_type),
                rds.ClusterInstance.provisioned("reader2", instance_type=db_instance_type),
            ],
            vpc=vpc,
            default_database_name="inventory",
        )
        cluster.connections.allow_default_port_from(bastion)

        CfnOutput(self, "ClusterEndpoint", value=cluster.cluster_endpoint.hostname)
