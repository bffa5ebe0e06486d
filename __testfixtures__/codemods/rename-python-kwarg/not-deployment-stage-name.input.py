import pulumi_aws as aws

deployment = aws.apigateway.Deployment("api-deployment", rest_api="abc123", stage_name="prod")
