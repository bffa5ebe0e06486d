"""Audit logging for the orders service."""
import json

import pulumi
from pulumi_aws import (
    get_caller_identity,
    kms,
    cloudwatch,
)

stage = pulumi.get_stack()
current = get_caller_identity()

logs_key = kms.Key(
    "logs-key",
    description="Encrypts the orders service's log groups",
    policy=json.dumps({"Version": "2012-10-17", "Statement": []}),
)

audit_logs = cloudwatch.LogGroup(
    "audit-logs",
    name=f"/orders/{stage}/audit",
    retention_in_days=30,
    kms_key_id=logs_key.arn,
)

audit_stream = cloudwatch.LogStream("audit-stream", log_group_name=audit_logs.name)
