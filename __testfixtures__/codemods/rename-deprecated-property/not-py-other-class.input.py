from aws_cdk import (
    RemovalPolicy,
    Stack,
    aws_ecr as ecr,
    aws_s3 as s3,
)
from constructs import Construct

from .cleanup import schedule_cleanup


class AssetsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        s3.Bucket(self, "Assets", removal_policy=RemovalPolicy.DESTROY, auto_delete_objects=True)
        # An imported repository: no props to rename.
        images = ecr.Repository.from_repository_name(self, "Images", "acme/web")
        # Our own helper happens to take a keyword with the same name.
        schedule_cleanup(self, images, auto_delete_images=True)
