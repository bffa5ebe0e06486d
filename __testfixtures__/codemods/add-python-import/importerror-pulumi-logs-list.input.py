"""Shared log groups for the data pipeline."""
import pulumi
from pulumi_aws import (
    iam,
    kinesis,
    logs,  # log groups and subscription filters
)

env = pulumi.get_stack()

ingest_logs = logs.LogGroup(f"ingest-{env}", retention_in_days=14)
stream = kinesis.Stream(f"events-{env}", shard_count=1)
role = iam.Role(f"logs-to-kinesis-{env}", assume_role_policy="{}")

logs.SubscriptionFilter(
    f"ingest-to-stream-{env}",
    log_group=ingest_logs.name,
    filter_pattern="",
    destination_arn=stream.arn,
    role_arn=role.arn,
)
