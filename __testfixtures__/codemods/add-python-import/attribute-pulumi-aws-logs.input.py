import pulumi
import pulumi_aws as aws

env = pulumi.Config().require("env")

# Keep API access logs for a year.
access_logs = aws.logs.LogGroup(f"api-access-{env}", retention_in_days=365)
aws.logs.MetricFilter(
    f"api-5xx-{env}",
    log_group_name=access_logs.name,
    pattern='{ $.status >= 500 }',
    metric_transformation=aws.logs.MetricFilterMetricTransformationArgs(name="Api5xx", namespace=f"Api/{env}", value="1"),
)
api = aws.apigateway.RestApi(f"api-{env}")
