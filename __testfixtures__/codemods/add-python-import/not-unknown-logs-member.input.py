import pulumi
from pulumi_aws import cloudwatch, iam

app_logs = logs.LogGroup("app", retention_in_days=logs.RetentionDays.ONE_MONTH)
pulumi.export("app_logs", app_logs.name)
