from aws_cdk import Stack, aws_rds as rds
from constructs import Construct


class ReportsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, subnet_group: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        cluster = rds.CfnDBCluster(
            self, "ReportsCluster",
            engine="aurora-postgresql",
            engine_version="15.8",
            db_subnet_group_name=subnet_group,
            master_username="reports",
            manage_master_user_password=True,
        )
        rds.CfnDBInstance(
            self, "ReportsInstance1",
            engine="aurora-postgresql",
            db_cluster_identifier=cluster.ref,
            db_instance_class="db.t4g.small",
        )
