import aws_cdk as cdk
import aws_cdk.aws_apigateway as apigateway


class PaymentsStack(cdk.Stack):
    def __init__(self, scope, construct_id):
        super().__init__(scope, construct_id)
        apigateway.RestApi(self, "PaymentsApi",
                           rest_api_name="payments",
                           deploy_options=apigateway.StageOptions(data_trace_enabled=True),  # full request logs
                           cloud_watch_role=True
                           )
