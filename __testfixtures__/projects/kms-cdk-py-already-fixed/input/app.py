import aws_cdk as cdk

from infra.stack import BillingStack

app = cdk.App()
suffix = app.node.try_get_context("suffix") or "dev"
BillingStack(app, f"BillingStack-{suffix}", suffix=suffix)
app.synth()
