import pulumi_aws as aws

# Content store. 11.4 is the LTS line we standardise on.
content_db = aws.rds.Instance(
    "content-db",
    engine="mariadb",
    engine_version="11.4.12",
    instance_class="db.t4g.medium",
    allocated_storage=40,
    username="content",
    manage_master_user_password=True,
    skip_final_snapshot=True,
)
