import pulumi_aws as aws

api = aws.apigateway.RestApi("orders-api")
stage = aws.apigateway.Stage("prod", rest_api=api.id, deployment="dep", stage_name="prod")
aws.apigateway.MethodSettings(
    "all",
    rest_api=api.id,
    stage_name=stage.stage_name,
    method_path="*/*",
    settings=aws.apigateway.MethodSettingsSettingsArgs(logging_level="INFO"),
)
