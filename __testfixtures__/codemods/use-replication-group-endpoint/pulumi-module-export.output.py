"""Session cache for the checkout service."""
import pulumi
import pulumi_aws as aws

config = pulumi.Config()
env = pulumi.get_stack()

subnets = aws.elasticache.SubnetGroup(
    "checkout-cache-subnets",
    subnet_ids=config.require_object("private_subnet_ids"),
)

redis = aws.elasticache.ReplicationGroup(
    f"checkout-{env}-redis",
    description="Checkout session cache",
    engine="redis",
    engine_version="7.1",
    node_type="cache.t4g.small",
    num_cache_clusters=2,
    automatic_failover_enabled=True,
    subnet_group_name=subnets.name,
    port=6379,
)

pulumi.export("redis_host", redis.primary_endpoint_address)
pulumi.export("redis_port", redis.port)
