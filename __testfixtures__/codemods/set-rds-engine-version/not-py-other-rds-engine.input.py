import pulumi_aws as aws

# The app database is RDS for PostgreSQL; the Aurora cluster lives in the analytics project.
db = aws.rds.Instance(
    "app-db",
    engine="postgres",
    engine_version="15.4",
    instance_class="db.t4g.micro",
    allocated_storage=20,
    username="app",
    manage_master_user_password=True,
)
