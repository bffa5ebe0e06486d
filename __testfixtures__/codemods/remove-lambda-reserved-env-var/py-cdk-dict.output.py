from aws_cdk import Stack, aws_lambda as _lambda
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.handler = _lambda.Function(
            self,
            "ApiHandler",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="app.handler",
            code=_lambda.Code.from_asset("lambda"),
            environment={
                "TABLE_NAME": "orders",
            },
        )
        self.handler.add_environment("STAGE", "dev")
