"""Shipping service stack."""
import pulumi
from pulumi_aws import cloudwatch, lambda_

from infra.kms import shipping_key

shipping_logs = cloudwatch.LogGroup(
    "shipping-logs",
    name="/aws/lambda/shipping-dev",
    retention_in_days=30,
    kms_key_id=shipping_key.arn,
)

pulumi.export("shipping_log_group", shipping_logs.name)
