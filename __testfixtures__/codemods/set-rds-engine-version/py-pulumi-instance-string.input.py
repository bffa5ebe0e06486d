"""Orders service database."""
import pulumi
import pulumi_aws as aws

config = pulumi.Config()
subnet_group = aws.rds.SubnetGroup("orders-db-subnets", subnet_ids=config.require_object("privateSubnetIds"))

orders_db = aws.rds.Instance(
    "orders-db",
    identifier="orders-prod",
    engine="postgres",
    engine_version="15.4",  # keep in step with the staging account
    instance_class="db.t4g.medium",
    allocated_storage=50,
    db_subnet_group_name=subnet_group.name,
    username="orders",
    manage_master_user_password=True,
    skip_final_snapshot=False,
    final_snapshot_identifier="orders-prod-final",
)

cache = aws.elasticache.ReplicationGroup(
    "orders-cache",
    description="orders session cache",
    engine="redis",
    engine_version="7.0",
    node_type="cache.t4g.small",
    num_cache_clusters=2,
)

pulumi.export("orders_db_endpoint", orders_db.endpoint)
