from aws_cdk import Duration, Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_rds as rds
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, env_name: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc.from_lookup(self, "Vpc", vpc_name=f"commerce-{env_name}")
        private = ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS)

        # Billing has run on 15.4 since last year; its upgrade is planned separately.
        self.billing_db = rds.DatabaseInstance(
            self,
            f"BillingDatabase-{env_name}",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_15_4),
            instance_type=ec2.InstanceType.of(ec2.InstanceClass.M6G, ec2.InstanceSize.LARGE),
            vpc=vpc,
            vpc_subnets=private,
            multi_az=True,
            backup_retention=Duration.days(30),
        )

        # New in this release.
        self.orders_db = rds.DatabaseInstance(
            self,
            f"OrdersDatabase-{env_name}",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_15_4),
            instance_type=ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MEDIUM),
            vpc=vpc,
            vpc_subnets=private,
            backup_retention=Duration.days(7),
        )

        self.analytics = rds.DatabaseCluster(
            self,
            f"AnalyticsCluster-{env_name}",
            engine=rds.DatabaseClusterEngine.aurora_postgres(version=rds.AuroraPostgresEngineVersion.VER_16_4),
            writer=rds.ClusterInstance.serverless_v2("writer"),
            serverless_v2_min_capacity=0.5,
            serverless_v2_max_capacity=4,
            vpc=vpc,
            vpc_subnets=private,
        )
