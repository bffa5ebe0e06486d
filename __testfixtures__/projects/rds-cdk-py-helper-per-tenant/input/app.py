#!/usr/bin/env python3
import aws_cdk as cdk

from tenancy.tenant_data_stack import TenantDataStack

app = cdk.App()
tenants = app.node.try_get_context("tenants") or []
TenantDataStack(
    app,
    "TenantData",
    tenants=tenants,
    env=cdk.Environment(account="123456789012", region="ap-southeast-2"),
)
app.synth()
