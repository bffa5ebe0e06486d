"""Search indexer: an ECS task reading from Kinesis; logs encrypted with the central logging key."""
import pulumi
import pulumi_aws as aws

config = pulumi.Config()
stack = pulumi.get_stack()
logs_kms_key_arn = config.require("logsKmsKeyArn")

stream = aws.kinesis.Stream(f"search-events-{stack}", shard_count=2, retention_period=48)

indexer_logs = aws.cloudwatch.LogGroup(
    f"search-indexer-logs-{stack}",
    name=f"/ecs/search-indexer-{stack}",
    retention_in_days=30,
    kms_key_id=logs_kms_key_arn,
)

pulumi.export("stream_name", stream.name)
pulumi.export("log_group", indexer_logs.name)
