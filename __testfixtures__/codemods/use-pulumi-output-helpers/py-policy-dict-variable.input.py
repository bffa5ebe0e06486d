import json

import pulumi
import pulumi_aws as aws

table = aws.dynamodb.Table(
    "orders",
    attributes=[aws.dynamodb.TableAttributeArgs(name="pk", type="S")],
    hash_key="pk",
    billing_mode="PAY_PER_REQUEST",
)

read_orders = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": ["dynamodb:GetItem"], "Resource": table.arn}],
}

policy = aws.iam.Policy("orders-read", policy=json.dumps(read_orders))
