import aws_cdk as cdk
import aws_cdk.aws_ec2 as ec2
import aws_cdk.aws_rds as rds
from constructs import Construct

# Reporting reads from a replica-friendly Aurora cluster.
REPORTS_DB_NAME = 'reports'


class ReportsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        engine = rds.DatabaseClusterEngine.aurora_postgres(
            version=rds.AuroraPostgresEngineVersion.of('15.8', '15'),
        )
        rds.DatabaseCluster(
            self, 'ReportsCluster',
            engine=engine,
            writer=rds.ClusterInstance.serverless_v2('writer'),
            serverless_v2_max_capacity=4,
            default_database_name=REPORTS_DB_NAME,
            vpc=vpc,
        )
