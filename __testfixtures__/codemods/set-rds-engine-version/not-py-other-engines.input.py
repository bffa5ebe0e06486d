import pulumi
import pulumi_aws as aws

config = pulumi.Config()
# Postgres 15.4 was the original plan for this service; it now reuses the shared cluster.
shared = aws.rds.Cluster.get("shared", "shared-aurora-pg")

aws.rds.ClusterInstance(
    "search-api-reader",
    cluster_identifier=shared.id,
    engine=shared.engine,
    engine_version=shared.engine_version,
    instance_class="db.r6g.large",
    tags={"PgTarget": "15.4"},
)

aws.rds.Instance(
    "search-api-audit",
    engine="mysql",
    engine_version="15.4",  # not a MySQL version: a deliberate near miss
    instance_class="db.t4g.micro",
    allocated_storage=20,
    username="audit",
    manage_master_user_password=True,
)

aws.rds.Instance(
    "search-api-db",
    engine="postgres",
    engine_version=config.get("pgVersion") or "15.4",
    instance_class="db.t4g.micro",
    allocated_storage=20,
    username="search",
    manage_master_user_password=True,
)

aws.elasticache.ReplicationGroup(
    "search-api-cache",
    description="search api cache",
    engine="redis",
    engine_version="15.4",
    node_type="cache.t4g.small",
    num_cache_clusters=2,
)
