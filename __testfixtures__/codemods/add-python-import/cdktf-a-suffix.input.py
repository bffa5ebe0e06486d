from constructs import Construct
from cdktf import TerraformStack
from cdktf_cdktf_provider_aws.s3_bucket import S3Bucket
from cdktf_cdktf_provider_aws.s3_bucket_versioning import S3BucketVersioning, S3BucketVersioningVersioningConfiguration


class ArtifactsStack(TerraformStack):
    def __init__(self, scope: Construct, id: str, environment_suffix: str):
        super().__init__(scope, id)
        bucket = S3Bucket(self, "artifacts", bucket=f"artifacts-{environment_suffix}")
        # Keep every build's artifacts.
        S3BucketVersioning(
            self,
            "artifacts-versioning",
            bucket=bucket.id,
            versioning_configuration=S3BucketVersioningVersioningConfiguration(status="Enabled"),
        )
