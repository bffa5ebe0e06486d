import pulumi
from pulumi_aws import ec2, rds

stack = pulumi.get_stack()
config = pulumi.Config()


def service_database(service: str, subnet_ids: list[str]) -> rds.Instance:
    """One small PostgreSQL instance per service, named <stack>-<service>-db."""
    subnets = rds.SubnetGroup(f"{stack}-{service}-db-subnets", subnet_ids=subnet_ids)
    return rds.Instance(
        f"{stack}-{service}-db",
        engine="postgres",
        engine_version="15.8",
        instance_class="db.t4g.micro",
        allocated_storage=20,
        db_subnet_group_name=subnets.name,
        username=service,
        manage_master_user_password=True,
    )


# Every service gets the same database setup.
for name in ("orders", "payments"):
    service_database(name, config.require_object("privateSubnetIds"))
