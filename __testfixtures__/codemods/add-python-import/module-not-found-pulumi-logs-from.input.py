import pulumi
from pulumi_aws.logs import LogGroup, MetricFilter, MetricFilterMetricTransformationArgs
from pulumi_aws.sns import Topic

stack = pulumi.get_stack()

app_logs = LogGroup(f"billing-app-{stack}", retention_in_days=30)
alerts = Topic(f"billing-alerts-{stack}")

# One metric per ERROR line.
errors = MetricFilter(
    f"billing-errors-{stack}",
    log_group_name=app_logs.name,
    pattern="ERROR",
    metric_transformation=MetricFilterMetricTransformationArgs(name=f"BillingErrors-{stack}", namespace="Billing", value="1"),
)
