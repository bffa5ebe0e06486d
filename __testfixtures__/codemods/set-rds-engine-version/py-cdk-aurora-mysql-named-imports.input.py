"""Catalog database: Aurora MySQL with a provisioned writer and a Serverless v2 reader."""
from aws_cdk import Stack, aws_ec2 as ec2
from aws_cdk.aws_rds import (
    AuroraMysqlEngineVersion,
    ClusterInstance,
    Credentials,
    DatabaseCluster,
    DatabaseClusterEngine,
)
from constructs import Construct


class CatalogDatabase(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.cluster = DatabaseCluster(
            self,
            "CatalogCluster",
            engine=DatabaseClusterEngine.aurora_mysql(version=AuroraMysqlEngineVersion.VER_3_05_2),
            credentials=Credentials.from_generated_secret("catalog_admin"),
            writer=ClusterInstance.provisioned(
                "writer",
                instance_type=ec2.InstanceType.of(ec2.InstanceClass.R6G, ec2.InstanceSize.LARGE),
            ),
            readers=[ClusterInstance.serverless_v2("reader1", scale_with_writer=True)],
            serverless_v2_min_capacity=0.5,
            serverless_v2_max_capacity=8,
            vpc=vpc,
            default_database_name="catalog",
        )
