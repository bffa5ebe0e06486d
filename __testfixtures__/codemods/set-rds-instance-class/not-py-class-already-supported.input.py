import pulumi_aws as aws

db = aws.rds.Instance(
    "billing-db",
    engine="postgres",
    engine_version="16.4",
    instance_class="db.m6g.large",
    allocated_storage=100,
    username="billing",
    manage_master_user_password=True,
)
