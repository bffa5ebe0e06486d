"""ECR repositories for the trading microservices."""

from typing import Dict, List

import aws_cdk as cdk
from aws_cdk import aws_ecr as ecr
from constructs import Construct


class EcrConstruct(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, services: List[str], environment_suffix: str) -> None:
        super().__init__(scope, construct_id)

        self.repositories: Dict[str, ecr.Repository] = {}
        for service_name in services:
            self.repositories[service_name] = ecr.Repository(
                self,
                f"Repo{service_name.capitalize()}-{environment_suffix}",
                repository_name=f"{service_name}-service-{environment_suffix}",
                image_scan_on_push=True,
                encryption=ecr.RepositoryEncryption.AES_256,
                removal_policy=cdk.RemovalPolicy.DESTROY,
                auto_delete_images=True,
                lifecycle_rules=[
                    ecr.LifecycleRule(description="Retain only last 10 images", max_image_count=10)
                ],
            )
