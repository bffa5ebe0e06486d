"""One ECR repository per service, named after the environment."""
from aws_cdk import Duration, RemovalPolicy
from aws_cdk import aws_ecr as ecr
from constructs import Construct


def service_repository(scope: Construct, service: str, environment_suffix: str) -> ecr.Repository:
    disposable = environment_suffix != "prod"
    return ecr.Repository(
        scope,
        f"{service.title()}Repository",
        repository_name=f"{service}-{environment_suffix}",
        image_scan_on_push=True,
        lifecycle_rules=[ecr.LifecycleRule(max_image_count=50)],
        removal_policy=RemovalPolicy.DESTROY if disposable else RemovalPolicy.RETAIN,
        auto_delete_images=disposable,  # empty it first, or the delete fails
    )


def keep_days(days: int) -> ecr.LifecycleRule:
    return ecr.LifecycleRule(max_image_age=Duration.days(days))
