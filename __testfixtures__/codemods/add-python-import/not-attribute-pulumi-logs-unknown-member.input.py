import pulumi_aws as aws

group = aws.logs.LogGroup("audit", retention_in_days=90)
aws.logs.Anomaly("audit-anomalies", log_group_arn_lists=[group.arn])
