from constructs import Construct
from cdktf import App, TerraformStack
from cdktf_cdktf_provider_aws.provider import AwsProvider
from cdktf_cdktf_provider_aws.rds_cluster import RdsCluster
from cdktf_cdktf_provider_aws.rds_cluster_instance import RdsClusterInstance

ENVIRONMENT = "qa"


class CatalogStack(TerraformStack):
    def __init__(self, scope: Construct, ns: str):
        super().__init__(scope, ns)
        AwsProvider(self, "aws", region="us-east-1")

        cluster = RdsCluster(
            self,
            f"catalog-aurora-{ENVIRONMENT}",
            cluster_identifier=f"catalog-aurora-{ENVIRONMENT}",
            engine="aurora-mysql",
            engine_version="8.0.mysql_aurora.3.04.3",
            database_name="catalog",
            master_username="catalog",
            manage_master_user_password=True,
            skip_final_snapshot=True,
        )

        for index in range(1, 3):
            RdsClusterInstance(
                self,
                f"catalog-aurora-{index}-{ENVIRONMENT}",
                identifier=f"catalog-aurora-{index}-{ENVIRONMENT}",
                cluster_identifier=cluster.id,
                instance_class="db.t3.small",
                engine=cluster.engine,
                engine_version=cluster.engine_version,
            )


app = App()
CatalogStack(app, "catalog")
app.synth()
