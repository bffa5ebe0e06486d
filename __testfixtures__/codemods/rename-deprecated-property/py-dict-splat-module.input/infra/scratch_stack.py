from aws_cdk import Stack
from aws_cdk import aws_ecr as ecr
from constructs import Construct

from .defaults import SCRATCH_REPOSITORY


class ScratchStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, team: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        ecr.Repository(self, "Scratch", repository_name=f"{team}-scratch", **SCRATCH_REPOSITORY)
