from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_ecr as ecr
from constructs import Construct


class ImagesStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        ecr.Repository(
            self,
            "Images",
            removal_policy=RemovalPolicy.DESTROY,
            auto_delete_images=True,
            empty_on_delete=False,
        )
