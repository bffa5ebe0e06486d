import pulumi
from pulumi_aws import cloudwatch, s3

bucket = s3.BucketV2("audit")
trail_logs = cloudwatch.LogGroup("audit-trail", retention_in_days=90)
pulumi.export("log_group", trail_logs.name)
