from aws_cdk import Stack
from aws_cdk.aws_apigateway import RestApi, StageOptions, MethodLoggingLevel


class CatalogStack(Stack):
    def __init__(self, scope, construct_id, **kwargs):
        super().__init__(scope, construct_id, **kwargs)
        self.api = RestApi(self, "CatalogApi", deploy_options=StageOptions(logging_level=MethodLoggingLevel.ERROR), cloud_watch_role=True)
