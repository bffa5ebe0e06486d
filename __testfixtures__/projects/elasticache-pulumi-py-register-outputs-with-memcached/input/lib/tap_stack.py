"""
tap_stack.py

Caching tier for the IoT platform: Redis for sessions and device state, memcached for
rendered dashboards.
"""

from typing import Optional

import pulumi
from pulumi import ResourceOptions
from pulumi_aws import ec2, elasticache


class TapStackArgs:
    def __init__(self, environment_suffix: Optional[str] = None, tags: Optional[dict] = None):
        self.environment_suffix = environment_suffix or "dev"
        self.tags = tags or {}


class TapStack(pulumi.ComponentResource):
    def __init__(self, name: str, args: TapStackArgs, opts: Optional[ResourceOptions] = None):
        super().__init__("tap:stack:TapStack", name, None, opts)
        self.environment_suffix = args.environment_suffix
        self.tags = args.tags

        subnets = ec2.get_subnets(filters=[{"name": "tag:Tier", "values": ["private"]}])
        self.cache_subnet_group = elasticache.SubnetGroup(
            f"cache-subnets-{self.environment_suffix}",
            subnet_ids=subnets.ids,
            opts=ResourceOptions(parent=self),
        )

        self.redis_cluster = elasticache.ReplicationGroup(
            f"redis-{self.environment_suffix}",
            replication_group_id=f"iot-redis-{self.environment_suffix}",
            description="Sessions and device state",
            engine="redis",
            engine_version="7.1",
            node_type="cache.t4g.small",
            num_cache_clusters=2,
            automatic_failover_enabled=True,
            multi_az_enabled=True,
            at_rest_encryption_enabled=True,
            transit_encryption_enabled=True,
            subnet_group_name=self.cache_subnet_group.name,
            snapshot_retention_limit=1,
            tags=self.tags,
            opts=ResourceOptions(parent=self),
        )

        self.dashboard_cache = elasticache.Cluster(
            f"dashboards-{self.environment_suffix}",
            cluster_id=f"iot-dash-{self.environment_suffix}",
            engine="memcached",
            node_type="cache.t4g.micro",
            num_cache_nodes=1,
            subnet_group_name=self.cache_subnet_group.name,
            opts=ResourceOptions(parent=self),
        )

        self.register_outputs(
            {
                "redisEndpoint": self.redis_cluster.cache_nodes[0].address,
                "redisPort": self.redis_cluster.cache_nodes[0].port,
                "dashboardCacheEndpoint": self.dashboard_cache.cache_nodes[0].address,
            }
        )
