from pulumi_aws import rds

# The small PostgreSQL instance is fine on db.t3.small; the Aurora writer lives in another project.
rds.Instance(
    "reports-db",
    engine="postgres",
    engine_version="16.4",
    instance_class="db.t3.small",
    allocated_storage=20,
    username="reports",
    manage_master_user_password=True,
)
