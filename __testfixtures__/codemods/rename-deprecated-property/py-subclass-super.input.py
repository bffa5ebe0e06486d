from aws_cdk import RemovalPolicy
from aws_cdk import aws_ecr as ecr
from constructs import Construct


class EphemeralRepository(ecr.Repository):
    """A repository that disappears with its stack (preview environments)."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(
            scope,
            construct_id,
            removal_policy=RemovalPolicy.DESTROY,
            auto_delete_images=True,
            **kwargs,
        )


def repository_props(name: str) -> ecr.RepositoryProps:
    return ecr.RepositoryProps(repository_name=name, auto_delete_images=True)
