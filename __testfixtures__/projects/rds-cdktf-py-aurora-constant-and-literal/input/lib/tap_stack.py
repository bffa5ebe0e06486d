"""TAP stack: networking for the analytics database, and the database itself."""

from cdktf import S3Backend, TerraformOutput, TerraformStack
from constructs import Construct
from cdktf_cdktf_provider_aws.provider import AwsProvider

from lib.database import AnalyticsDatabase


class TapStack(TerraformStack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs):
        super().__init__(scope, construct_id)

        environment_suffix = kwargs.get("environment_suffix", "dev")
        aws_region = kwargs.get("aws_region", "us-east-1")
        default_tags = kwargs.get("default_tags", {})

        AwsProvider(self, "aws", region=aws_region, default_tags=[default_tags])
        S3Backend(
            self,
            bucket=kwargs.get("state_bucket", "iac-tap-tf-states"),
            key=f"{environment_suffix}/{construct_id}.tfstate",
            region=kwargs.get("state_bucket_region", "us-east-1"),
            encrypt=True,
        )

        database = AnalyticsDatabase(
            self,
            "analytics",
            environment_suffix=environment_suffix,
            subnet_ids=["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
        )

        TerraformOutput(self, "cluster_endpoint", value=database.cluster.endpoint)
