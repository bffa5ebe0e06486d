import pulumi_aws as aws

from infra.versions import POSTGRES_VERSION

aws.rds.Instance(
    "inventory-db",
    engine="postgres",
    engine_version=POSTGRES_VERSION,
    instance_class="db.t4g.small",
    allocated_storage=20,
    username="inventory",
    manage_master_user_password=True,
)
