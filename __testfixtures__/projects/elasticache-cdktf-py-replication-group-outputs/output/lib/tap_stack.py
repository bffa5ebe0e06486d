"""TAP stack: session cache for the web tier, and where the app finds it."""

from cdktf import S3Backend, TerraformOutput, TerraformStack
from constructs import Construct
from cdktf_cdktf_provider_aws.provider import AwsProvider
from cdktf_cdktf_provider_aws.elasticache_replication_group import ElasticacheReplicationGroup
from cdktf_cdktf_provider_aws.elasticache_subnet_group import ElasticacheSubnetGroup
from cdktf_cdktf_provider_aws.ssm_parameter import SsmParameter


class TapStack(TerraformStack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs):
        super().__init__(scope, construct_id)

        environment_suffix = kwargs.get("environment_suffix", "dev")
        AwsProvider(self, "aws", region=kwargs.get("aws_region", "us-east-1"), default_tags=[kwargs.get("default_tags", {})])
        S3Backend(
            self,
            bucket=kwargs.get("state_bucket", "iac-tap-tf-states"),
            key=f"{environment_suffix}/{construct_id}.tfstate",
            region=kwargs.get("state_bucket_region", "us-east-1"),
            encrypt=True,
        )

        subnet_group = ElasticacheSubnetGroup(
            self,
            "cache_subnets",
            name=f"tap-cache-{environment_suffix}",
            subnet_ids=["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
        )

        redis = ElasticacheReplicationGroup(
            self,
            "session_cache",
            replication_group_id=f"tap-sessions-{environment_suffix}",
            description="Web sessions",
            engine="redis",
            engine_version="7.1",
            node_type="cache.t4g.small",
            num_cache_clusters=2,
            automatic_failover_enabled=True,
            subnet_group_name=subnet_group.name,
            at_rest_encryption_enabled=True,
        )

        SsmParameter(
            self,
            "session_cache_address",
            name=f"/tap/{environment_suffix}/session-cache",
            type="String",
            value=f"{redis.primary_endpoint_address}:{redis.port}",
        )

        TerraformOutput(self, "redis_endpoint", value=redis.primary_endpoint_address)
