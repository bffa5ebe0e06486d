from aws_cdk import Stack, aws_apigateway as apigw


class Api(Stack):
    def __init__(self, scope, construct_id, api_settings: dict):
        super().__init__(scope, construct_id)
        apigw.RestApi(self, "OrdersApi", **api_settings)
