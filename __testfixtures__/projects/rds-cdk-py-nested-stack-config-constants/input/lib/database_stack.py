from aws_cdk import (
    Duration,
    NestedStack,
    RemovalPolicy,
    aws_ec2 as ec2,
    aws_rds as rds,
)
from constructs import Construct

from .config import (
    DB_ALLOCATED_STORAGE_GB,
    DB_BACKUP_RETENTION_DAYS,
    DB_INSTANCE_SIZE,
    POSTGRES_FULL_VERSION,
    POSTGRES_MAJOR_VERSION,
)


class DatabaseStack(NestedStack):
    """Reporting database: one PostgreSQL instance in the isolated subnets."""

    def __init__(self, scope: Construct, construct_id: str, *, vpc: ec2.IVpc, environment_suffix: str, **kwargs):
        super().__init__(scope, construct_id, **kwargs)

        engine = rds.DatabaseInstanceEngine.postgres(
            version=rds.PostgresEngineVersion.of(POSTGRES_FULL_VERSION, POSTGRES_MAJOR_VERSION)
        )

        parameter_group = rds.ParameterGroup(
            self,
            "PostgresParameters",
            engine=engine,
            parameters={"log_statement": "ddl", "rds.force_ssl": "1"},
        )

        self.instance = rds.DatabaseInstance(
            self,
            "PostgresInstance",
            instance_identifier=f"tap-reporting-{environment_suffix}",
            engine=engine,
            parameter_group=parameter_group,
            instance_type=ec2.InstanceType(DB_INSTANCE_SIZE),
            vpc=vpc,
            vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_ISOLATED),
            allocated_storage=DB_ALLOCATED_STORAGE_GB,
            storage_encrypted=True,
            multi_az=False,
            credentials=rds.Credentials.from_generated_secret("reporting"),
            database_name="reporting",
            backup_retention=Duration.days(DB_BACKUP_RETENTION_DAYS),
            deletion_protection=False,
            removal_policy=RemovalPolicy.DESTROY,
        )
