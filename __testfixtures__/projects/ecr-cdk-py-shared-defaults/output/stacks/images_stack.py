from aws_cdk import Stack
from aws_cdk import aws_ecr as ecr
from constructs import Construct

from stacks.settings import REPOSITORY_DEFAULTS, SERVICES


class ImagesStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, stage: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.repositories = [
            ecr.Repository(self, f"{service.title()}Repo", repository_name=f"{service}-{stage}", **REPOSITORY_DEFAULTS)
            for service in SERVICES
        ]

        # Pull-through copies of base images; emptied on delete too.
        self.base = ecr.Repository(
            self,
            "BaseImages",
            repository_name=f"base-{stage}",
            empty_on_delete=True,
        )
