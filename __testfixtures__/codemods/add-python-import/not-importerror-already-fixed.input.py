import pulumi
from pulumi_aws import cloudwatch, iam

logs_group = cloudwatch.LogGroup(f"svc-{pulumi.get_stack()}", retention_in_days=7)
