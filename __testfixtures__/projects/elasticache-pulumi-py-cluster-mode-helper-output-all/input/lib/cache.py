"""Redis in cluster mode for the order book."""

import pulumi
import pulumi_aws as aws
from pulumi import ResourceOptions


def create_redis(environment_suffix: str, subnet_ids, security_group_id, parent: pulumi.Resource) -> aws.elasticache.ReplicationGroup:
    subnet_group = aws.elasticache.SubnetGroup(
        f"orderbook-cache-subnets-{environment_suffix}",
        subnet_ids=subnet_ids,
        opts=ResourceOptions(parent=parent),
    )
    return aws.elasticache.ReplicationGroup(
        f"orderbook-redis-{environment_suffix}",
        replication_group_id=f"orderbook-{environment_suffix}",
        description="Order book (cluster mode)",
        engine="redis",
        engine_version="7.1",
        node_type="cache.r7g.large",
        parameter_group_name="default.redis7.cluster.on",
        num_node_groups=3,
        replicas_per_node_group=1,
        automatic_failover_enabled=True,
        transit_encryption_enabled=True,
        at_rest_encryption_enabled=True,
        subnet_group_name=subnet_group.name,
        security_group_ids=[security_group_id],
        opts=ResourceOptions(parent=parent),
    )
