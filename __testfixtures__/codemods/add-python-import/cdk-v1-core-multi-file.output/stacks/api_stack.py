from aws_cdk import aws_lambda as _lambda
from aws_cdk import Duration, Stack
from constructs import Construct

from stacks.tagging import CostCentre


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, stage: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.handler = _lambda.Function(
            self,
            "Handler",
            function_name=f"api-handler-{stage}",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=_lambda.Code.from_asset("lambda"),
            timeout=Duration.seconds(10),
        )
        CostCentre(self, "CostCentre", centre="api")
