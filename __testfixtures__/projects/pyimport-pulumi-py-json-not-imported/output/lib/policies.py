"""IAM roles and inline policies for the TAP workers."""

import json

import pulumi
import pulumi_aws as aws
from pulumi import ResourceOptions


def lambda_assume_role_policy() -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": "lambda.amazonaws.com"},
                    "Action": "sts:AssumeRole",
                }
            ],
        }
    )


def create_worker_role(environment_suffix: str, bucket_arn: pulumi.Output, parent: pulumi.Resource) -> aws.iam.Role:
    role = aws.iam.Role(
        f"tap-worker-role-{environment_suffix}",
        assume_role_policy=lambda_assume_role_policy(),
        opts=ResourceOptions(parent=parent),
    )
    aws.iam.RolePolicy(
        f"tap-worker-s3-{environment_suffix}",
        role=role.id,
        policy=bucket_arn.apply(
            lambda arn: json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": f"{arn}/*"}
                    ],
                }
            )
        ),
        opts=ResourceOptions(parent=parent),
    )
    return role
