import aws_cdk as cdk

from stacks.images_stack import ImagesStack

app = cdk.App()
stage = app.node.try_get_context("stage") or "dev"
ImagesStack(app, f"Images-{stage}", stage=stage)
app.synth()
