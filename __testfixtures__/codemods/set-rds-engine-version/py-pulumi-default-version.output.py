import pulumi_aws as aws


def make_database(name: str, engine_version: str | None = None) -> aws.rds.Instance:
    """A small PostgreSQL instance; callers may pin their own version."""
    return aws.rds.Instance(
        f"{name}-db",
        engine="postgres",
        engine_version=engine_version or "16.4",
        instance_class="db.t4g.micro",
        allocated_storage=20,
    )


orders = make_database("orders")
