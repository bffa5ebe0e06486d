import pulumi
import pulumi_aws as aws

worker_key = aws.kms.Key("inventory-worker-key", description="Inventory worker logs", deletion_window_in_days=10)

worker_logs = aws.cloudwatch.LogGroup(
    "inventory-worker-logs",
    retention_in_days=7,
    kms_key_id=worker_key.arn,
    tags={"team": "inventory"},
)
