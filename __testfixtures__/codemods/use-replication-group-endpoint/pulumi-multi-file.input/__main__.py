"""Orders service."""
import pulumi

from infra import cache
from infra.network import vpc

pulumi.export("vpc_id", vpc.id)
pulumi.export("redis_host", cache.store.redis.cache_nodes[0].address)
