from aws_cdk import (
    Duration,
    RemovalPolicy,
    Stack,
    aws_ecr as ecr,
    aws_s3 as s3,
)
from constructs import Construct


def lifecycle_rules(keep: int) -> list:
    return [ecr.LifecycleRule(max_image_count=keep, description=f"keep the last {keep} images")]


class ArtifactsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.api_repo = ecr.Repository(
            self,
            "ApiImages",
            repository_name="acme/api",
            image_scan_on_push=True,
            removal_policy=RemovalPolicy.DESTROY,
            empty_on_delete=True,  # dev stacks only: see README
            lifecycle_rules=lifecycle_rules(20),
        )

        ecr.Repository(self, "WorkerImages", empty_on_delete=False, image_tag_mutability=ecr.TagMutability.IMMUTABLE)

        # Buckets have their own (not deprecated) auto_delete_objects.
        s3.Bucket(
            self,
            "BuildCache",
            removal_policy=RemovalPolicy.DESTROY,
            auto_delete_objects=True,
            lifecycle_rules=[s3.LifecycleRule(expiration=Duration.days(14))],
        )
