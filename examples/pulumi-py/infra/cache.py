"""Session cache: a Redis replication group with one node to start with."""
import pulumi_aws as aws

redis = aws.elasticache.ReplicationGroup(
    "orders-cache",
    description="Orders session cache",
    engine="redis",
    engine_version="7.1",
    node_type="cache.t4g.micro",
    num_cache_clusters=1,
    port=6379,
    at_rest_encryption_enabled=True,
    transit_encryption_enabled=True,
)

# Where the API connects.
redis_host = redis.cache_nodes[0].address
redis_port = redis.cache_nodes[0].port
