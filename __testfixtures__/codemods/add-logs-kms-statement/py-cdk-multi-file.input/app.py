#!/usr/bin/env python3
import aws_cdk as cdk

from infra.audit_stack import AuditStack

app = cdk.App()
AuditStack(
    app,
    "AuditStack",
    env=cdk.Environment(account="123456789012", region="us-east-1"),
)
app.synth()
