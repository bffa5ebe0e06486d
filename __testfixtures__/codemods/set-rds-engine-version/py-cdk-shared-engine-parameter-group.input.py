from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_rds as rds
from constructs import Construct


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, stage: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # Cluster and parameter group share the engine.
        engine = rds.DatabaseClusterEngine.aurora_mysql(version=rds.AuroraMysqlEngineVersion.VER_3_05_2)
        params = rds.ParameterGroup(self, "OrdersParams", engine=engine, parameters={"slow_query_log": "1"})
        rds.DatabaseCluster(
            self,
            f"OrdersCluster-{stage}",
            engine=engine,
            parameter_group=params,
            writer=rds.ClusterInstance.provisioned("writer"),
            vpc=vpc,
        )
