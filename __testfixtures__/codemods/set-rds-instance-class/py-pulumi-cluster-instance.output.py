"""Catalog: Aurora MySQL 3 with one writer."""
import pulumi
import pulumi_aws as aws

config = pulumi.Config()

catalog = aws.rds.Cluster(
    "catalog",
    engine=aws.rds.EngineType.AURORA_MYSQL,
    engine_version="8.0.mysql_aurora.3.04.0",
    database_name="catalog",
    master_username="catalog",
    manage_master_user_password=True,
    db_subnet_group_name=config.require("dbSubnetGroup"),
    skip_final_snapshot=True,
)

writer = aws.rds.ClusterInstance(
    "catalog-writer",
    cluster_identifier=catalog.id,
    engine=catalog.engine,
    engine_version=catalog.engine_version,
    instance_class="db.t3.medium",  # smallest that fits the budget
    publicly_accessible=False,
)

pulumi.export("catalog_endpoint", catalog.endpoint)
