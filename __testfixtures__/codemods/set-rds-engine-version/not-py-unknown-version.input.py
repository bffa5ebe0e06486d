import pulumi_aws as aws

preview = aws.rds.Cluster(
    "pg-preview",
    engine=aws.rds.EngineType.AURORA_POSTGRESQL,
    engine_version="18.0",
    master_username="preview",
    manage_master_user_password=True,
    skip_final_snapshot=True,
)
