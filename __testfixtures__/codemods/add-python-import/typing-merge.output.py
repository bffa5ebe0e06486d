import os
from typing import Dict, List, Optional

from aws_cdk import Stack, aws_ec2 as ec2
from constructs import Construct


class NetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, cidr: Optional[str] = None, tags: Dict[str, str], **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.vpc = ec2.Vpc(self, "Vpc", ip_addresses=ec2.IpAddresses.cidr(cidr or os.environ.get("VPC_CIDR", "10.10.0.0/16")))
        self.subnet_ids: List[str] = [s.subnet_id for s in self.vpc.private_subnets]
