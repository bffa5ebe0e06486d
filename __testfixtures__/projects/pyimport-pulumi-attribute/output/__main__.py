"""Audit trail: CloudTrail into an encrypted bucket, with its log group streamed to Firehose."""
import json

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
env = config.require("environment")
account_id = aws.get_caller_identity().account_id

trail_bucket = aws.s3.BucketV2(f"audit-trail-{env}", force_destroy=env != "prod")

# CloudTrail delivers to this log group as well as to S3.
trail_logs = aws.cloudwatch.LogGroup(
    f"audit-trail-logs-{env}",
    name=f"/audit/{env}/cloudtrail",
    retention_in_days=400,
)

trail_role = aws.iam.Role(
    f"audit-trail-role-{env}",
    assume_role_policy=json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "sts:AssumeRole"}],
        }
    ),
)

firehose_role_arn = config.require("firehoseRoleArn")
delivery_stream_arn = config.require("deliveryStreamArn")

# Everything the trail writes goes on to the SIEM through Firehose.
aws.cloudwatch.LogSubscriptionFilter(
    f"audit-trail-to-siem-{env}",
    log_group=trail_logs.name,
    filter_pattern="",
    destination_arn=delivery_stream_arn,
    role_arn=firehose_role_arn,
)

pulumi.export("trail_log_group", trail_logs.name)
pulumi.export("trail_bucket", trail_bucket.bucket)
