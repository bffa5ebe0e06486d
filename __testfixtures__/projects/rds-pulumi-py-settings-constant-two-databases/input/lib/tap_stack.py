"""tap_stack.py: databases and cache for the TAP services."""

from typing import Optional

import pulumi
import pulumi_aws as aws
from pulumi import ResourceOptions

from .orders_db import create_orders_database
from .reporting_db import create_reporting_database
from .settings import REDIS_ENGINE_VERSION, REDIS_NODE_TYPE


class TapStackArgs:
    def __init__(self, environment_suffix: Optional[str] = None, tags: Optional[dict] = None):
        self.environment_suffix = environment_suffix or "dev"
        self.tags = tags or {}


class TapStack(pulumi.ComponentResource):
    def __init__(self, name: str, args: TapStackArgs, opts: Optional[ResourceOptions] = None):
        super().__init__("tap:stack:TapStack", name, None, opts)
        suffix = args.environment_suffix

        subnet_ids = aws.ec2.get_subnets(filters=[{"name": "tag:Tier", "values": ["data"]}]).ids
        db_subnets = aws.rds.SubnetGroup(
            f"tap-db-subnets-{suffix}", subnet_ids=subnet_ids, opts=ResourceOptions(parent=self)
        )
        cache_subnets = aws.elasticache.SubnetGroup(
            f"tap-cache-subnets-{suffix}", subnet_ids=subnet_ids, opts=ResourceOptions(parent=self)
        )

        self.orders_db = create_orders_database(suffix, db_subnets, self)
        self.reporting_db = create_reporting_database(suffix, db_subnets, self)

        self.cache = aws.elasticache.Cluster(
            f"tap-cache-{suffix}",
            cluster_id=f"tap-cache-{suffix}",
            engine="redis",
            engine_version=REDIS_ENGINE_VERSION,
            node_type=REDIS_NODE_TYPE,
            num_cache_nodes=1,
            subnet_group_name=cache_subnets.name,
            opts=ResourceOptions(parent=self),
        )

        self.register_outputs(
            {
                "orders_endpoint": self.orders_db.endpoint,
                "reporting_endpoint": self.reporting_db.endpoint,
                "cache_address": self.cache.cache_nodes[0].address,
            }
        )
