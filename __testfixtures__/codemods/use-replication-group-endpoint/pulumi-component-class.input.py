from typing import Optional

import pulumi
from pulumi_aws import ec2, elasticache


class SessionStore(pulumi.ComponentResource):
    """A Redis replication group and its security group, as one component."""

    def __init__(self, name: str, vpc_id: pulumi.Input[str], subnet_group: str, opts: Optional[pulumi.ResourceOptions] = None):
        super().__init__("acme:cache:SessionStore", name, None, opts)

        self.security_group = ec2.SecurityGroup(
            f"{name}-sg",
            vpc_id=vpc_id,
            ingress=[ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=6379, to_port=6379, cidr_blocks=["10.0.0.0/16"])],
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.cache = self._create_group(name, subnet_group)

        self.endpoint = self.cache.cache_nodes[0].address
        self.register_outputs({
            "endpoint": self.endpoint,
            "port": self.cache.cache_nodes[0].port,  # clients read the port from here
        })

    def _create_group(self, name: str, subnet_group: str) -> elasticache.ReplicationGroup:
        return elasticache.ReplicationGroup(
            f"{name}-redis",
            description=f"{name} sessions",
            node_type="cache.r7g.large",
            num_cache_clusters=3,
            subnet_group_name=subnet_group,
            security_group_ids=[self.security_group.id],
            opts=pulumi.ResourceOptions(parent=self),
        )
