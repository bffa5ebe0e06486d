"""ElastiCache for the storefront: Redis for carts, memcached for sessions."""
import pulumi
import pulumi_aws as aws


def subnet_group(name: str, subnet_ids: list[pulumi.Input[str]]) -> aws.elasticache.SubnetGroup:
    return aws.elasticache.SubnetGroup(name, subnet_ids=subnet_ids)


def create_redis(environment_suffix: str, subnets: aws.elasticache.SubnetGroup, security_group_id: pulumi.Input[str]) -> aws.elasticache.ReplicationGroup:
    # Primary plus one replica, automatic failover; no cluster mode.
    return aws.elasticache.ReplicationGroup(
        f"carts-redis-{environment_suffix}",
        description=f"Cart store ({environment_suffix})",
        engine="redis",
        engine_version="7.1",
        node_type="cache.t4g.small",
        num_cache_clusters=2,
        automatic_failover_enabled=True,
        port=6379,
        subnet_group_name=subnets.name,
        security_group_ids=[security_group_id],
        at_rest_encryption_enabled=True,
        transit_encryption_enabled=True,
    )


def create_sessions(environment_suffix: str, subnets: aws.elasticache.SubnetGroup, security_group_id: pulumi.Input[str]) -> aws.elasticache.Cluster:
    return aws.elasticache.Cluster(
        f"sessions-memcached-{environment_suffix}",
        engine="memcached",
        node_type="cache.t4g.micro",
        num_cache_nodes=1,
        port=11211,
        subnet_group_name=subnets.name,
        security_group_ids=[security_group_id],
    )
