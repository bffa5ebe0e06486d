import pulumi
import pulumi_aws as aws

cfg = pulumi.Config("catalog")

# Version comes from stack config (Pulumi.prod.yaml: catalog:auroraVersion: 8.0.mysql_aurora.3.05.2).
cluster = aws.rds.Cluster(
    "catalog",
    engine="aurora-mysql",
    engine_version=cfg.require("auroraVersion"),
    master_username="catalog_admin",
    manage_master_user_password=True,
    skip_final_snapshot=True,
)

writer = aws.rds.ClusterInstance(
    "catalog-writer",
    cluster_identifier=cluster.id,
    instance_class="db.r6g.large",
    engine=cluster.engine,
    engine_version=cluster.engine_version,
)
