import pulumi
import pulumi_aws as aws
from pulumi import ResourceOptions

from .settings import POSTGRES_ENGINE_VERSION, POSTGRES_INSTANCE_CLASS


def create_orders_database(environment_suffix: str, subnet_group: aws.rds.SubnetGroup, parent: pulumi.Resource) -> aws.rds.Instance:
    return aws.rds.Instance(
        f"orders-db-{environment_suffix}",
        identifier=f"orders-db-{environment_suffix}",
        engine="postgres",
        engine_version=POSTGRES_ENGINE_VERSION,
        instance_class=POSTGRES_INSTANCE_CLASS,
        allocated_storage=50,
        db_name="orders",
        username="orders_admin",
        manage_master_user_password=True,
        db_subnet_group_name=subnet_group.name,
        storage_encrypted=True,
        skip_final_snapshot=True,
        opts=ResourceOptions(parent=parent),
    )
