from aws_cdk import core


class Seeder(core.Construct):
    def __init__(self, scope: core.Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        # CDK v1 only: the construct tree API moved to self.node in v2.
        core.ConstructNode.validate(self.node)
