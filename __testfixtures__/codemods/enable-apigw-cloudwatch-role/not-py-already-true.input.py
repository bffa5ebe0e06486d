from aws_cdk import Stack, aws_apigateway as apigw


class Api(Stack):
    def __init__(self, scope, construct_id):
        super().__init__(scope, construct_id)
        apigw.RestApi(self, "OrdersApi", cloud_watch_role=True)
