import aws_cdk as cdk
from aws_cdk import aws_ecr as ecr
from constructs import Construct


class ImagesStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        ecr.Repository(self, "Images", removal_policy=cdk.RemovalPolicy.DESTROY, empty_on_delete=True)
