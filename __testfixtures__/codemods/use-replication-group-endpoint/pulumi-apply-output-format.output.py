import pulumi
from pulumi_aws.elasticache import ReplicationGroup

stack = pulumi.get_stack()

rate_limiter = ReplicationGroup(
    "rate-limiter",
    description="API rate limiter",
    node_type="cache.t4g.micro",
    num_cache_clusters=1,
    transit_encryption_enabled=True,
)

redis_url = pulumi.Output.format(
    "rediss://{0}:{1}/0",
    rate_limiter.primary_endpoint_address,
    rate_limiter.port,
)

pulumi.export("redis_url", redis_url)
pulumi.export(
    "redis_dsn",
    pulumi.Output.concat(
        "host=",
        rate_limiter.primary_endpoint_address.apply(lambda address: f"{address} db=0 stack={stack}"),
    ),
)
