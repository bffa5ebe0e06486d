from constructs import Construct
from cdktf import App, TerraformStack
from cdktf_cdktf_provider_aws.rds_cluster import RdsCluster
from cdktf_cdktf_provider_aws.rds_cluster_instance import RdsClusterInstance
from cdktf_cdktf_provider_aws.rds_global_cluster import RdsGlobalCluster


class LedgerStack(TerraformStack):
    def __init__(self, scope: Construct, ns: str, env: str):
        super().__init__(scope, ns)
        global_cluster = RdsGlobalCluster(
            self,
            f"ledger-global-{env}",
            global_cluster_identifier=f"ledger-global-{env}",
            engine="aurora-postgresql",
            engine_version="15.4",
        )
        cluster = RdsCluster(
            self,
            f"ledger-cluster-{env}",
            engine="aurora-postgresql",
            engine_version="15.4",
            global_cluster_identifier=global_cluster.id,
            master_username="ledger",
            manage_master_user_password=True,
        )
        RdsClusterInstance(
            self,
            f"ledger-writer-{env}",
            cluster_identifier=cluster.id,
            instance_class="db.r6g.large",
            engine="aurora-postgresql",
            engine_version="15.4",
        )


app = App()
LedgerStack(app, "ledger", env="dev")
app.synth()
