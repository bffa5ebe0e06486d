import aws_cdk as cdk
from constructs import Construct

NETWORK_CIDR = "10.40.0.0/16"


class NetworkStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.vpc = cdk.aws_ec2.Vpc(
            self, "Vpc",
            cidr=NETWORK_CIDR,
            max_azs=2,
        )
