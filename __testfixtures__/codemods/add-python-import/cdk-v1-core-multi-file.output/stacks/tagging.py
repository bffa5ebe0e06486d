import aws_cdk as cdk
from constructs import Construct


class CostCentre(Construct):
    """Tags everything in its scope with the cost centre."""

    def __init__(self, scope: Construct, construct_id: str, *, centre: str) -> None:
        super().__init__(scope, construct_id)
        cdk.Tags.of(scope).add("CostCentre", centre)
