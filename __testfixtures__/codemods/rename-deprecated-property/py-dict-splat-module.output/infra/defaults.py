from aws_cdk import RemovalPolicy

# Scratch registries are emptied and removed with the stack.
SCRATCH_REPOSITORY = {
    "removal_policy": RemovalPolicy.DESTROY,
    "empty_on_delete": True,
}
