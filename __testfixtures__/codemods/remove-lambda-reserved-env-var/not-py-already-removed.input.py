import os

from aws_cdk import Stack, aws_lambda as _lambda
from constructs import Construct

REGION = os.environ.get("AWS_REGION", "us-east-1")


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        _lambda.Function(self, "Api", runtime=_lambda.Runtime.PYTHON_3_12, handler="app.handler",
                         code=_lambda.Code.from_asset("lambda"), environment={"TABLE_NAME": "orders"})
