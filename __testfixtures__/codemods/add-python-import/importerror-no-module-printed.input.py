import pulumi
from pulumi_aws import logs, s3

bucket = s3.BucketV2("audit")
trail_logs = logs.LogGroup("audit-trail", retention_in_days=90)
pulumi.export("log_group", trail_logs.name)
