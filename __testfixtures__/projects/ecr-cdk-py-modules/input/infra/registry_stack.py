from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_ecr as ecr
from constructs import Construct

from infra.constructs.repository import keep_days, service_repository

SERVICES = ("checkout", "catalog", "search")


class RegistryStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.repositories = {name: service_repository(self, name, environment_suffix) for name in SERVICES}

        # CI pushes throwaway images here.
        self.scratch = ecr.Repository(
            self, "ScratchRepository",
            repository_name=f"scratch-{environment_suffix}",
            lifecycle_rules=[keep_days(3)],
            removal_policy=RemovalPolicy.DESTROY,
            auto_delete_images=True,
        )

        # Mirror of public base images: retained, never emptied.
        self.mirror = ecr.Repository(
            self, "MirrorRepository",
            repository_name=f"mirror-{environment_suffix}",
            removal_policy=RemovalPolicy.RETAIN,
        )
