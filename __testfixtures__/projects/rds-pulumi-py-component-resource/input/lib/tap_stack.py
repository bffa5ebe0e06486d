"""TapStack: the catalog service's Aurora MySQL database."""
from typing import Optional

import pulumi
import pulumi_aws as aws
from pulumi import ResourceOptions

# Aurora MySQL 3 release used by the cluster and all of its instances.
AURORA_MYSQL_VERSION = "8.0.mysql_aurora.3.02.0"


class TapStackArgs:
    def __init__(self, environment_suffix: Optional[str] = None, tags: Optional[dict] = None):
        self.environment_suffix = environment_suffix or "dev"
        self.tags = tags or {}


class TapStack(pulumi.ComponentResource):
    def __init__(self, name: str, args: TapStackArgs, opts: Optional[ResourceOptions] = None):
        super().__init__("tap:stack:TapStack", name, None, opts)
        self.environment_suffix = args.environment_suffix
        tags = {**args.tags, "Environment": self.environment_suffix}

        self.parameter_group = aws.rds.ClusterParameterGroup(
            f"aurora-params-{self.environment_suffix}",
            family="aurora-mysql8.0",
            parameters=[aws.rds.ClusterParameterGroupParameterArgs(name="require_secure_transport", value="ON")],
            tags=tags,
            opts=ResourceOptions(parent=self),
        )

        self.cluster = aws.rds.Cluster(
            f"aurora-cluster-{self.environment_suffix}",
            engine="aurora-mysql",
            engine_version=AURORA_MYSQL_VERSION,
            database_name="catalog",
            master_username="admin",
            manage_master_user_password=True,
            db_cluster_parameter_group_name=self.parameter_group.name,
            skip_final_snapshot=True,
            tags=tags,
            opts=ResourceOptions(parent=self),
        )

        self.instances = [
            aws.rds.ClusterInstance(
                f"aurora-instance-{i}-{self.environment_suffix}",
                cluster_identifier=self.cluster.id,
                instance_class="db.r6g.large",
                engine="aurora-mysql",
                engine_version=AURORA_MYSQL_VERSION,
                tags=tags,
                opts=ResourceOptions(parent=self),
            )
            for i in range(2)
        ]

        self.register_outputs({"cluster_endpoint": self.cluster.endpoint})
