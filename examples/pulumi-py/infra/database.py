"""The orders PostgreSQL database and the ledger's Aurora MySQL cluster."""
import pulumi
import pulumi_aws as aws

config = pulumi.Config("orders")

subnet_group = aws.rds.SubnetGroup(
    "orders-db-subnets",
    subnet_ids=config.require_object("private_subnet_ids"),
)

orders_db = aws.rds.Instance(
    "orders-db",
    engine="postgres",
    engine_version="15.4",
    instance_class="db.t3.micro",
    allocated_storage=20,
    db_name="orders",
    username="orders_admin",
    manage_master_user_password=True,
    db_subnet_group_name=subnet_group.name,
    skip_final_snapshot=True,
)

ledger = aws.rds.Cluster(
    "ledger",
    engine="aurora-mysql",
    engine_version="8.0.mysql_aurora.3.04.0",
    database_name="ledger",
    master_username="ledger_admin",
    manage_master_user_password=True,
    db_subnet_group_name=subnet_group.name,
    skip_final_snapshot=True,
)

ledger_writer = aws.rds.ClusterInstance(
    "ledger-writer",
    cluster_identifier=ledger.id,
    engine=ledger.engine,
    engine_version=ledger.engine_version,
    instance_class="db.t3.small",
)
