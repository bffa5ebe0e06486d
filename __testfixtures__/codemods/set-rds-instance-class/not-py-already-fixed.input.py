import pulumi_aws as aws

catalog = aws.rds.Cluster(
    "catalog",
    engine="aurora-mysql",
    engine_version="8.0.mysql_aurora.3.04.0",
    master_username="catalog",
    manage_master_user_password=True,
)
aws.rds.ClusterInstance(
    "catalog-writer",
    cluster_identifier=catalog.id,
    engine=catalog.engine,
    instance_class="db.t3.medium",  # db.t3.small is not offered for Aurora MySQL 3
)
