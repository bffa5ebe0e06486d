import pulumi_aws as aws


def redis_group(name: str, size: str = "cache.t4g.small") -> aws.elasticache.ReplicationGroup:
    group = aws.elasticache.ReplicationGroup(
        name,
        description=f"{name} cache",
        node_type=size,
        num_cache_clusters=2,
        automatic_failover_enabled=True,
    )
    return group
