"""Defaults shared by the image repositories."""
from aws_cdk import RemovalPolicy

# Disposable registries: emptied and deleted with the stack.
REPOSITORY_DEFAULTS = dict(
    removal_policy=RemovalPolicy.DESTROY,
    auto_delete_images=True,
    image_scan_on_push=True,
)

SERVICES = ["web", "worker", "scheduler"]
