from aws_cdk import Duration, Stack
from aws_cdk.aws_ec2 import InstanceClass, InstanceSize, InstanceType, IVpc
from aws_cdk.aws_rds import DatabaseInstance, DatabaseInstanceEngine, PostgresEngineVersion
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, vpc: IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Billing has run on 15.4 since 2023; it is not part of this change.
        DatabaseInstance(
            self,
            "BillingDatabase",
            engine=DatabaseInstanceEngine.postgres(version=PostgresEngineVersion.VER_15_4),
            instance_type=InstanceType.of(InstanceClass.M6G, InstanceSize.LARGE),
            vpc=vpc,
            backup_retention=Duration.days(14),
        )

        DatabaseInstance(
            self,
            "MetricsDatabase",
            engine=DatabaseInstanceEngine.postgres(version=PostgresEngineVersion.VER_15_4),
            instance_type=InstanceType.of(InstanceClass.T4G, InstanceSize.MEDIUM),
            vpc=vpc,
            backup_retention=Duration.days(1),
        )
