"""
tap_stack.py

Payments database: an Aurora MySQL cluster with a writer and a reader.
"""

from typing import List, Optional

import pulumi
import pulumi_aws as aws
import pulumi_random as random
from pulumi import ResourceOptions


class TapStackArgs:
    def __init__(self, environment_suffix: Optional[str] = None, tags: Optional[dict] = None):
        self.environment_suffix = environment_suffix or "dev"
        self.tags = tags or {}


class TapStack(pulumi.ComponentResource):
    def __init__(self, name: str, args: TapStackArgs, opts: Optional[ResourceOptions] = None):
        super().__init__("tap:stack:TapStack", name, None, opts)

        self.environment_suffix = args.environment_suffix
        self.tags = args.tags

        self.vpc = aws.ec2.get_vpc(default=True)
        self.subnet_ids = aws.ec2.get_subnets(
            filters=[aws.ec2.GetSubnetsFilterArgs(name="vpc-id", values=[self.vpc.id])]
        ).ids

        self.cluster = self._create_cluster()
        self.instances = self._create_instances(count=2)

        self.register_outputs({"cluster_endpoint": self.cluster.endpoint})

    def _create_cluster(self) -> aws.rds.Cluster:
        subnet_group = aws.rds.SubnetGroup(
            f"payment-db-subnets-{self.environment_suffix}",
            subnet_ids=self.subnet_ids,
            tags=self.tags,
            opts=ResourceOptions(parent=self),
        )
        password = random.RandomPassword(
            f"payment-db-password-{self.environment_suffix}",
            length=24,
            special=False,
            opts=ResourceOptions(parent=self),
        )
        return aws.rds.Cluster(
            f"payment-db-cluster-{self.environment_suffix}",
            cluster_identifier=f"payment-db-{self.environment_suffix}",
            engine="aurora-mysql",
            engine_version="8.0.mysql_aurora.3.02.0",
            database_name="payments",
            master_username="admin",
            master_password=password.result,
            db_subnet_group_name=subnet_group.name,
            storage_encrypted=True,
            backup_retention_period=7,
            preferred_backup_window="03:00-04:00",
            skip_final_snapshot=True,
            tags=self.tags,
            opts=ResourceOptions(parent=self),
        )

    def _create_instances(self, count: int) -> List[aws.rds.ClusterInstance]:
        instances = []
        for i in range(count):
            instances.append(
                aws.rds.ClusterInstance(
                    f"payment-db-instance-{i}-{self.environment_suffix}",
                    identifier=f"payment-db-{i}-{self.environment_suffix}",
                    cluster_identifier=self.cluster.id,
                    instance_class="db.r6g.large",
                    engine="aurora-mysql",
                    engine_version="8.0.mysql_aurora.3.02.0",
                    publicly_accessible=False,
                    tags=self.tags,
                    opts=ResourceOptions(parent=self, depends_on=[self.cluster]),
                )
            )
        return instances
