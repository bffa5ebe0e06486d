from aws_cdk import Stack
from aws_cdk import aws_elasticache as elasticache
from constructs import Construct


class CacheStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        elasticache.CfnReplicationGroup(
            self, "Sessions",
            replication_group_description="web sessions",
            engine="redis",
            engine_version="6.2",
            cache_node_type="cache.t3.micro",
            num_cache_clusters=2,
        )
