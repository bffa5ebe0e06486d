"""VPC with two private subnets."""
import pulumi
from pulumi_aws import ec2


class Network(pulumi.ComponentResource):
    def __init__(self, name: str, cidr_block: str, opts: pulumi.ResourceOptions | None = None):
        super().__init__("payments:network:Network", name, None, opts)
        self.vpc = ec2.Vpc(
            f"{name}-vpc",
            cidr_block=cidr_block,
            enable_dns_hostnames=True,
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.private_subnets = [
            ec2.Subnet(
                f"{name}-private-{i}",
                vpc_id=self.vpc.id,
                cidr_block=f"10.20.{i}.0/24",
                opts=pulumi.ResourceOptions(parent=self),
            )
            for i in range(2)
        ]
        self.register_outputs({"vpc_id": self.vpc.id})
