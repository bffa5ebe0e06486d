from aws_cdk import Stack, aws_ec2 as ec2, aws_rds as rds
from constructs import Construct

# All tenant databases move together.
PG_VERSION = "15.4"


class TenantsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        rds.CfnDBInstance(
            self, "TenantA",
            engine="postgres",
            engine_version=PG_VERSION,
            db_instance_class="db.t4g.medium",
            allocated_storage="20",
        )
        rds.CfnDBInstance(
            self, "TenantB",
            engine="postgres",
            engine_version=PG_VERSION,
            db_instance_class="db.t4g.medium",
            allocated_storage="20",
        )
