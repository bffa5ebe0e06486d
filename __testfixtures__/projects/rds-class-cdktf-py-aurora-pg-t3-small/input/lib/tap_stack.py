"""TAP stack for CDKTF Python: Aurora PostgreSQL for the ledger service."""

from cdktf import S3Backend, TerraformOutput, TerraformStack
from constructs import Construct
from cdktf_cdktf_provider_aws.provider import AwsProvider
from cdktf_cdktf_provider_aws.rds_cluster import RdsCluster
from cdktf_cdktf_provider_aws.rds_cluster_instance import RdsClusterInstance


class TapStack(TerraformStack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs):
        super().__init__(scope, construct_id)

        environment_suffix = kwargs.get("environment_suffix", "dev")
        aws_region = kwargs.get("aws_region", "us-east-1")

        AwsProvider(self, "aws", region=aws_region, default_tags=[kwargs.get("default_tags", {})])
        S3Backend(
            self,
            bucket=kwargs.get("state_bucket", "iac-tap-tf-states"),
            key=f"{environment_suffix}/{construct_id}.tfstate",
            region=kwargs.get("state_bucket_region", "us-east-1"),
            encrypt=True,
        )

        ledger_cluster = RdsCluster(
            self,
            "ledger_cluster",
            cluster_identifier=f"ledger-{environment_suffix}",
            engine="aurora-postgresql",
            engine_version="15.8",
            database_name="ledger",
            master_username="ledger_admin",
            manage_master_user_password=True,
            storage_encrypted=True,
            skip_final_snapshot=True,
        )

        # writer + one reader
        for index in range(2):
            RdsClusterInstance(
                self,
                f"ledger_instance_{index}",
                identifier=f"ledger-{environment_suffix}-{index}",
                cluster_identifier=ledger_cluster.id,
                instance_class="db.t3.small",
                engine=ledger_cluster.engine,
                engine_version=ledger_cluster.engine_version,
            )

        TerraformOutput(self, "ledger_endpoint", value=ledger_cluster.endpoint)
