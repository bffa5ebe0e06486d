"""Audit logging for the orders service: an encrypted log group and an error metric."""
import json

import pulumi
from pulumi_aws import (
    get_caller_identity,
    kms,
)

stage = pulumi.get_stack()
current = get_caller_identity()

logs_key = kms.Key(
    "logs-key",
    description="Encrypts the orders service's log groups",
    deletion_window_in_days=7,
    enable_key_rotation=True,
    policy=json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "EnableRootAccountPermissions",
                    "Effect": "Allow",
                    "Principal": {"AWS": f"arn:aws:iam::{current.account_id}:root"},
                    "Action": "kms:*",
                    "Resource": "*",
                },
            ],
        }
    ),
)

audit_logs = logs.LogGroup(
    "audit-logs",
    name=f"/orders/{stage}/audit",
    retention_in_days=30,
    kms_key_id=logs_key.arn,
)

audit_errors = logs.MetricFilter(
    "audit-errors",
    log_group_name=audit_logs.name,
    pattern="ERROR",
    metric_transformation=logs.MetricFilterMetricTransformationArgs(
        name="AuditErrors",
        namespace="Orders",
        value="1",
    ),
)
