from aws_cdk import Stack
from aws_cdk.aws_ec2 import IVpc
from aws_cdk.aws_ecs import Cluster
from constructs import Construct


class WorkersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, vpc: IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.cluster = Cluster(self, "Workers", vpc=vpc, container_insights=True)
