import pulumi
import pulumi_aws as aws

# Memcached for page fragments: a single-cluster Cluster really has cache_nodes.
fragments = aws.elasticache.Cluster(
    "fragments",
    engine="memcached",
    node_type="cache.t4g.micro",
    num_cache_nodes=1,
)

queue = aws.elasticache.ReplicationGroup(
    "job-queue",
    description="Background job queue",
    node_type="cache.t4g.small",
    num_cache_clusters=2,
    automatic_failover_enabled=True,
)


def endpoints() -> dict:
    return {
        "fragments": fragments.cache_nodes[0].address,
        "queue": queue.cache_nodes[0].address,
    }


pulumi.export("cache_endpoints", endpoints())
pulumi.export("fragments_nodes", fragments.cache_nodes.apply(lambda nodes: [n.address for n in nodes]))
