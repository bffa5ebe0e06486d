from constructs import Construct
from cdktf import TerraformOutput, TerraformStack
from cdktf_cdktf_provider_aws.elasticache_replication_group import ElasticacheReplicationGroup


class SessionStack(TerraformStack):
    def __init__(self, scope: Construct, id: str, *, suffix: str):
        super().__init__(scope, id)
        sessions = ElasticacheReplicationGroup(
            self,
            "sessions",
            replication_group_id=f"sessions-{suffix}",
            description="Sessions",
            node_type="cache.t4g.small",
            num_cache_clusters=2,
        )
        TerraformOutput(self, "sessions_host", value=sessions.cache_nodes.get(0).address)
