from aws_cdk import RemovalPolicy

# Scratch registries are emptied and removed with the stack.
SCRATCH_REPOSITORY = {
    "removal_policy": RemovalPolicy.DESTROY,
    "auto_delete_images": True,
}
