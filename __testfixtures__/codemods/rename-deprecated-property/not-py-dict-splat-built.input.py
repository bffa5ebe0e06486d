from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_ecr as ecr


def repository_options(stage):
    return {"removal_policy": RemovalPolicy.DESTROY, "auto_delete_images": stage != "prod"}


REPO_OPTIONS = repository_options("dev")


class Registry(Stack):
    def __init__(self, scope, construct_id):
        super().__init__(scope, construct_id)
        ecr.Repository(self, "Images", **REPO_OPTIONS)
