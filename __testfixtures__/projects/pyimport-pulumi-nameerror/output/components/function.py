"""A Lambda function with its role and a log group we own (retention, tags)."""
import json

import pulumi
import pulumi_aws as aws
from pulumi_aws import iam, lambda_, cloudwatch

ASSUME_LAMBDA = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
    }
)


def create_function_logs(name: str, environment_suffix: str, parent: pulumi.Resource) -> pulumi.Resource:
    # Created before the function so Lambda does not create it without retention.
    return cloudwatch.LogGroup(
        f"{name}-logs",
        name=f"/aws/lambda/{name}",
        retention_in_days=14 if environment_suffix != "prod" else 90,
        tags={"Environment": environment_suffix},
        opts=pulumi.ResourceOptions(parent=parent),
    )


class ServiceFunction(pulumi.ComponentResource):
    def __init__(self, name: str, handler: str, environment_suffix: str, opts=None):
        super().__init__("orders:lambda:ServiceFunction", name, None, opts)
        self.role = iam.Role(f"{name}-role", assume_role_policy=ASSUME_LAMBDA, opts=pulumi.ResourceOptions(parent=self))
        iam.RolePolicyAttachment(
            f"{name}-basic-execution",
            role=self.role.name,
            policy_arn=aws.iam.ManagedPolicy.AWS_LAMBDA_BASIC_EXECUTION_ROLE,
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.log_group = create_function_logs(name, environment_suffix, self)
        self.function = lambda_.Function(
            name,
            name=name,
            runtime="python3.12",
            handler=handler,
            role=self.role.arn,
            code=pulumi.FileArchive("./app"),
            opts=pulumi.ResourceOptions(parent=self, depends_on=[self.log_group]),
        )
        self.register_outputs({"function_name": self.function.name})
