import pulumi
import pulumi_aws as aws
from pulumi import ResourceOptions

from . import settings


def create_reporting_database(environment_suffix: str, subnet_group: aws.rds.SubnetGroup, parent: pulumi.Resource) -> aws.rds.Instance:
    # Reporting runs heavy queries; it gets its own instance rather than a replica.
    return aws.rds.Instance(
        f"reporting-db-{environment_suffix}",
        identifier=f"reporting-db-{environment_suffix}",
        engine="postgres",
        engine_version=settings.POSTGRES_ENGINE_VERSION,
        instance_class=settings.POSTGRES_INSTANCE_CLASS,
        allocated_storage=100,
        db_name="reporting",
        username="reporting_admin",
        manage_master_user_password=True,
        db_subnet_group_name=subnet_group.name,
        storage_encrypted=True,
        skip_final_snapshot=True,
        opts=ResourceOptions(parent=parent),
    )
