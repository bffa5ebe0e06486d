"""Nightly report: an EventBridge schedule that starts the report Lambda."""
import pulumi
from pulumi_aws import eventbridge, lambda_

stack = pulumi.get_stack()
report_fn = lambda_.Function.get("report", f"nightly-report-{stack}")

nightly = eventbridge.Rule(
    f"nightly-report-{stack}",
    schedule_expression="cron(0 2 * * ? *)",
)
eventbridge.Target(
    f"nightly-report-target-{stack}",
    rule=nightly.name,
    arn=report_fn.arn,
    retry_policy=eventbridge.TargetRetryPolicyArgs(maximum_retry_attempts=2),
)
lambda_.Permission(
    f"nightly-report-invoke-{stack}",
    action="lambda:InvokeFunction",
    function=report_fn.name,
    principal="events.amazonaws.com",
    source_arn=nightly.arn,
)
