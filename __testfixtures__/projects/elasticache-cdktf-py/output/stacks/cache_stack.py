from constructs import Construct
from cdktf import TerraformOutput, TerraformStack
from cdktf_cdktf_provider_aws.elasticache_cluster import ElasticacheCluster
from cdktf_cdktf_provider_aws.elasticache_replication_group import ElasticacheReplicationGroup
from cdktf_cdktf_provider_aws.elasticache_subnet_group import ElasticacheSubnetGroup
from cdktf_cdktf_provider_aws.provider import AwsProvider


class CacheStack(TerraformStack):
    def __init__(self, scope: Construct, id: str, *, environment_suffix: str):
        super().__init__(scope, id)
        AwsProvider(self, "aws", region="us-east-1")

        subnets = ElasticacheSubnetGroup(
            self,
            "cache-subnets",
            name=f"orders-cache-{environment_suffix}",
            subnet_ids=["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
        )

        # Single-node memcached for rate limiting.
        self.rate_limits = ElasticacheCluster(
            self,
            "rate-limits",
            cluster_id=f"orders-ratelimit-{environment_suffix}",
            engine="memcached",
            node_type="cache.t4g.micro",
            num_cache_nodes=1,
            subnet_group_name=subnets.name,
        )

        # Redis with a replica for the order queue.
        self.redis = ElasticacheReplicationGroup(
            self,
            "orders-redis",
            replication_group_id=f"orders-redis-{environment_suffix}",
            description="Order queue",
            engine="redis",
            node_type="cache.t4g.small",
            num_cache_clusters=2,
            automatic_failover_enabled=True,
            subnet_group_name=subnets.name,
        )

        TerraformOutput(self, "rate_limits_endpoint", value=self.rate_limits.cache_nodes.get(0).address)
        TerraformOutput(self, "redis_endpoint", value=self.redis.primary_endpoint_address)
        TerraformOutput(self, "redis_port", value=self.redis.port)
