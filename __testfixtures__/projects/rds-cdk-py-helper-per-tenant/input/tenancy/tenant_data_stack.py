from aws_cdk import (
    Duration,
    RemovalPolicy,
    Stack,
    aws_ec2 as ec2,
    aws_rds as rds,
)
from constructs import Construct


class TenantDataStack(Stack):
    """One small PostgreSQL database per tenant, in a shared VPC."""

    def __init__(self, scope: Construct, construct_id: str, *, tenants: list[str], **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.vpc = ec2.Vpc(self, "TenantVpc", max_azs=2, nat_gateways=1)
        self.databases = {}
        for tenant in tenants:
            self.databases[tenant] = self._create_tenant_database(tenant)

    def _create_tenant_database(self, tenant: str) -> rds.DatabaseInstance:
        return rds.DatabaseInstance(
            self,
            f"TenantDb-{tenant}",
            engine=rds.DatabaseInstanceEngine.postgres(
                version=rds.PostgresEngineVersion.VER_16_1
            ),
            instance_type=ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE4_GRAVITON, ec2.InstanceSize.MICRO),
            vpc=self.vpc,
            vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS),
            database_name=tenant,
            allocated_storage=20,
            backup_retention=Duration.days(7),
            removal_policy=RemovalPolicy.SNAPSHOT,
        )
