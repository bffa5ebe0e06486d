import pulumi_aws as aws


class InventoryDatabase:
    def __init__(self, env: str):
        self.cluster = aws.rds.Cluster(
            f"inventory-aurora-{env}",
            engine="aurora-mysql",
            engine_version="8.0.mysql_aurora.3.04.0",
            master_username="inventory",
            manage_master_user_password=True,
        )
        self.writer = aws.rds.ClusterInstance(
            f"inventory-aurora-{env}-001",
            cluster_identifier=self.cluster.id,
            instance_class="db.t3.small",
            engine=self.cluster.engine,
        )
        self.reader = aws.rds.ClusterInstance(
            f"inventory-aurora-{env}-002",
            cluster_identifier=self.cluster.id,
            instance_class="db.t3.small",
            engine=self.cluster.engine,
        )
        # Sessions: PostgreSQL, where db.t3.small is fine.
        self.sessions = aws.rds.Instance(
            f"sessions-db-{env}",
            engine="postgres",
            engine_version="16.4",
            instance_class="db.t3.small",
            allocated_storage=20,
        )
