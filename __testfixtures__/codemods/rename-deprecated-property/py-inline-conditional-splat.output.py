from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_ecr as ecr
from constructs import Construct


class BuildImagesStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, stage: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        disposable = stage != "prod"
        # Outside prod the repository goes with the stack, images included.
        ecr.Repository(
            self,
            "BuildImages",
            repository_name=f"build-images-{stage}",
            **({"removal_policy": RemovalPolicy.DESTROY, "empty_on_delete": True} if disposable else {}),
        )
