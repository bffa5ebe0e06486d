import aws_cdk.core as cdk


class CostCentre(cdk.Construct):
    """Tags everything in its scope with the cost centre."""

    def __init__(self, scope: cdk.Construct, construct_id: str, *, centre: str) -> None:
        super().__init__(scope, construct_id)
        cdk.Tags.of(scope).add("CostCentre", centre)
