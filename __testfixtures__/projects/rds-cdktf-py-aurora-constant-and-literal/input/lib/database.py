"""Aurora PostgreSQL cluster for analytics, with two instances."""

from constructs import Construct
from cdktf_cdktf_provider_aws.db_subnet_group import DbSubnetGroup
from cdktf_cdktf_provider_aws.rds_cluster import RdsCluster
from cdktf_cdktf_provider_aws.rds_cluster_instance import RdsClusterInstance
from cdktf_cdktf_provider_aws.rds_cluster_parameter_group import (
    RdsClusterParameterGroup,
    RdsClusterParameterGroupParameter,
)

AURORA_ENGINE_VERSION = "16.1"
INSTANCE_COUNT = 2


class AnalyticsDatabase(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, environment_suffix: str, subnet_ids: list):
        super().__init__(scope, construct_id)

        subnet_group = DbSubnetGroup(
            self,
            "subnet_group",
            name=f"analytics-db-subnets-{environment_suffix}",
            subnet_ids=subnet_ids,
        )

        params = RdsClusterParameterGroup(
            self,
            "cluster_params",
            name=f"analytics-aurora-pg16-{environment_suffix}",
            family="aurora-postgresql16",
            parameter=[
                RdsClusterParameterGroupParameter(name="rds.force_ssl", value="1"),
                RdsClusterParameterGroupParameter(name="log_min_duration_statement", value="500"),
            ],
        )

        self.cluster = RdsCluster(
            self,
            "cluster",
            cluster_identifier=f"analytics-aurora-{environment_suffix}",
            engine="aurora-postgresql",
            engine_version=AURORA_ENGINE_VERSION,
            database_name="analytics",
            master_username="analytics_admin",
            manage_master_user_password=True,
            db_subnet_group_name=subnet_group.name,
            db_cluster_parameter_group_name=params.name,
            storage_encrypted=True,
            skip_final_snapshot=True,
            backup_retention_period=7,
        )

        for i in range(INSTANCE_COUNT):
            RdsClusterInstance(
                self,
                f"instance_{i}",
                identifier=f"analytics-aurora-{environment_suffix}-{i}",
                cluster_identifier=self.cluster.id,
                instance_class="db.r6g.large",
                engine="aurora-postgresql",
                engine_version="16.1",
                publicly_accessible=False,
            )
