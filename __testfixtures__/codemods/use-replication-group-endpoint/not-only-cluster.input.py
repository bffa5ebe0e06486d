import pulumi
from pulumi_aws import elasticache

memcached = elasticache.Cluster(
    "catalog-cache",
    engine="memcached",
    node_type="cache.t4g.micro",
    num_cache_nodes=2,
    az_mode="cross-az",
)

pulumi.export("catalog_cache_host", memcached.cache_nodes[0].address)
pulumi.export("catalog_cache_second", memcached.cache_nodes[1].address)
