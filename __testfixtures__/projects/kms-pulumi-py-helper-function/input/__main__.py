"""Ledger batch jobs: keys, log groups and the job queue."""
import pulumi
import pulumi_aws as aws

from infra.logging import create_log_groups
from infra.security import create_logs_key

environment_suffix = pulumi.Config().get("environment_suffix") or "dev"

logs_key = create_logs_key("ledger", environment_suffix)
log_groups = create_log_groups("ledger", environment_suffix, logs_key.arn)

queue = aws.sqs.Queue(f"ledger-jobs-{environment_suffix}", message_retention_seconds=1209600)

pulumi.export("log_groups", {job: group.name for job, group in log_groups.items()})
pulumi.export("queue_url", queue.url)
