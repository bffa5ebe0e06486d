"""TAP stack: ECS service logs, encrypted with the platform team's shared logs key."""

from cdktf import S3Backend, TerraformOutput, TerraformStack
from constructs import Construct
from cdktf_cdktf_provider_aws.provider import AwsProvider
from cdktf_cdktf_provider_aws.cloudwatch_log_group import CloudwatchLogGroup
from cdktf_cdktf_provider_aws.data_aws_kms_key import DataAwsKmsKey
from cdktf_cdktf_provider_aws.ecs_cluster import EcsCluster


class TapStack(TerraformStack):
    """CDKTF Python stack for the TAP services."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs):
        super().__init__(scope, construct_id)

        environment_suffix = kwargs.get("environment_suffix", "dev")
        aws_region = kwargs.get("aws_region", "us-west-2")
        state_bucket = kwargs.get("state_bucket", "iac-tap-tf-states")
        state_bucket_region = kwargs.get("state_bucket_region", "us-east-1")
        default_tags = kwargs.get("default_tags", {})

        AwsProvider(self, "aws", region=aws_region, default_tags=[default_tags])

        S3Backend(
            self,
            bucket=state_bucket,
            key=f"{environment_suffix}/{construct_id}.tfstate",
            region=state_bucket_region,
            encrypt=True,
        )

        # The platform account owns this key and its policy; we only reference it.
        shared_logs_key = DataAwsKmsKey(
            self,
            "shared_logs_key",
            key_id="alias/platform/shared-logs",
        )

        cluster = EcsCluster(
            self,
            "ecs_cluster",
            name=f"tap-cluster-{environment_suffix}",
            setting=[{"name": "containerInsights", "value": "enabled"}],
        )

        services = ["orders", "payments"]
        log_groups = {}
        for service in services:
            log_groups[service] = CloudwatchLogGroup(
                self,
                f"{service}_logs",
                name=f"/ecs/tap-{service}-{environment_suffix}",
                retention_in_days=30,
                kms_key_id=shared_logs_key.arn,
            )

        TerraformOutput(self, "cluster_name", value=cluster.name)
        for service, group in log_groups.items():
            TerraformOutput(self, f"{service}_log_group", value=group.name)
