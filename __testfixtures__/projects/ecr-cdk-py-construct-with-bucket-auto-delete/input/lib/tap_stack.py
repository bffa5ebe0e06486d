from aws_cdk import CfnOutput, RemovalPolicy, Stack, aws_s3 as s3
from constructs import Construct

from .ecr_construct import EcrConstruct


class TapStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        registry = EcrConstruct(
            self,
            "Registry",
            services=["pricing", "matching", "settlement"],
            environment_suffix=environment_suffix,
        )

        artifacts = s3.Bucket(
            self,
            f"BuildArtifacts{environment_suffix}",
            removal_policy=RemovalPolicy.DESTROY,
            auto_delete_objects=True,
            enforce_ssl=True,
        )

        for name, repo in registry.repositories.items():
            CfnOutput(self, f"{name.capitalize()}RepoUri", value=repo.repository_uri)
        CfnOutput(self, "ArtifactsBucket", value=artifacts.bucket_name)
