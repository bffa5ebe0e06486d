import pulumi
import pulumi_aws as aws

redis = aws.elasticache.ReplicationGroup(
    "sessions",
    description="Sessions",
    node_type="cache.t4g.small",
    num_cache_clusters=1,
)

# A replication group has no cache_nodes: read its endpoint directly.
pulumi.export("redis_host", redis.primary_endpoint_address)
pulumi.export("redis_port", redis.port)
