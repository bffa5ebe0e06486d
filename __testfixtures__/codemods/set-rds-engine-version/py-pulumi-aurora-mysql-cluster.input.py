import pulumi
import pulumi_aws as aws

cfg = pulumi.Config("catalog")

cluster = aws.rds.Cluster(
    "catalog",
    cluster_identifier=f"catalog-{pulumi.get_stack()}",
    engine=aws.rds.EngineType.AURORA_MYSQL,
    engine_version="8.0.mysql_aurora.3.07.1",
    database_name="catalog",
    master_username="catalog_admin",
    manage_master_user_password=True,
    db_subnet_group_name=cfg.require("subnetGroup"),
    skip_final_snapshot=True,
)

# Instances follow the cluster's engine and version.
instances = [
    aws.rds.ClusterInstance(
        f"catalog-{i}",
        cluster_identifier=cluster.id,
        instance_class="db.r6g.large",
        engine=cluster.engine,
        engine_version=cluster.engine_version,
    )
    for i in range(2)
]

pulumi.export("endpoint", cluster.endpoint)
