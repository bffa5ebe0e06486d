"""Container registry for the build pipeline."""
from dataclasses import dataclass

from aws_cdk import RemovalPolicy
from aws_cdk.aws_ecr import Repository, TagMutability
from constructs import Construct


@dataclass
class RegistrySettings:
    name: str
    ephemeral: bool = False


class Registry(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, settings: RegistrySettings) -> None:
        super().__init__(scope, construct_id)

        self.repository = Repository(
            self, "Repository",
            repository_name=settings.name,
            image_tag_mutability=TagMutability.IMMUTABLE,
            removal_policy=RemovalPolicy.DESTROY if settings.ephemeral else RemovalPolicy.RETAIN,
            auto_delete_images=settings.ephemeral,
        )
