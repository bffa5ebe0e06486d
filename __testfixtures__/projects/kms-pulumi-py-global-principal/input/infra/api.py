"""The claims Lambda function and its log group."""
import json

import pulumi
import pulumi_aws as aws

from infra.encryption import environment_suffix, logs_key

role = aws.iam.Role(
    f"claims-handler-role-{environment_suffix}",
    assume_role_policy=json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
        }
    ),
)
aws.iam.RolePolicyAttachment(
    f"claims-handler-basic-{environment_suffix}",
    role=role.name,
    policy_arn="arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
)

log_group = aws.cloudwatch.LogGroup(
    f"claims-handler-logs-{environment_suffix}",
    name=f"/aws/lambda/claims-handler-{environment_suffix}",
    retention_in_days=90,
    kms_key_id=logs_key.arn,
)

handler = aws.lambda_.Function(
    f"claims-handler-{environment_suffix}",
    runtime="python3.12",
    handler="app.handler",
    role=role.arn,
    code=pulumi.FileArchive("./app"),
    logging_config=aws.lambda_.FunctionLoggingConfigArgs(log_format="JSON", log_group=log_group.name),
    opts=pulumi.ResourceOptions(depends_on=[log_group]),
)
