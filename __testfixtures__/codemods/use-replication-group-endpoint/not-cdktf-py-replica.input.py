from constructs import Construct
from cdktf import TerraformOutput, TerraformStack
from cdktf_cdktf_provider_aws.elasticache_replication_group import ElasticacheReplicationGroup


class ReportsStack(TerraformStack):
    def __init__(self, scope: Construct, id: str):
        super().__init__(scope, id)
        reports = ElasticacheReplicationGroup(self, "reports", replication_group_id="reports", description="Reports", num_cache_clusters=2)
        TerraformOutput(self, "replica_host", value=reports.cache_nodes.get(1).address)
