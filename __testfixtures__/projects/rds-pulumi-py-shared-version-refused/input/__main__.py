import pulumi
import pulumi_aws as aws

stack = pulumi.get_stack()

# All storefront databases run the same PostgreSQL minor.
POSTGRES_VERSION = "15.4"

subnet_group = aws.rds.SubnetGroup(f"storefront-db-subnets-{stack}", subnet_ids=pulumi.Config().require_object("subnetIds"))

inventory_db = aws.rds.Instance(
    f"inventory-db-{stack}",
    engine="postgres",
    engine_version=POSTGRES_VERSION,
    instance_class="db.t4g.medium",
    allocated_storage=50,
    db_subnet_group_name=subnet_group.name,
    username="inventory",
    manage_master_user_password=True,
)

orders_db = aws.rds.Instance(
    f"orders-db-{stack}",
    engine="postgres",
    engine_version=POSTGRES_VERSION,
    instance_class="db.t4g.medium",
    allocated_storage=50,
    db_subnet_group_name=subnet_group.name,
    username="orders",
    manage_master_user_password=True,
)

pulumi.export("orders_endpoint", orders_db.address)
pulumi.export("inventory_endpoint", inventory_db.address)
