from aws_cdk import Stack, aws_ecs as ecs
from constructs import Construct


class ClusterStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, insights: bool = False, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        ecs.Cluster(self, "Cluster", container_insights=insights)
