from aws_cdk import Stack
from aws_cdk import aws_ecr as ecr
from constructs import Construct

from .settings import REPOSITORY_DEFAULTS


class ImagesStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # REPOSITORY_DEFAULTS sets auto_delete_images for dev accounts.
        ecr.Repository(self, "Images", repository_name="acme/images", **REPOSITORY_DEFAULTS)
