"""Metric filters and alarms on the service's log group."""
from aws_cdk import (
    Duration,
    aws_cloudwatch as cloudwatch,
)
from constructs import Construct


class OrdersMonitoring(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, log_group) -> None:
        super().__init__(scope, construct_id)

        errors = logs.MetricFilter(
            self,
            "ErrorCount",
            log_group=log_group,
            filter_pattern=logs.FilterPattern.any_term("ERROR", "Exception"),
            metric_namespace="Orders",
            metric_name="Errors",
        )

        cloudwatch.Alarm(
            self,
            "ErrorAlarm",
            metric=errors.metric(period=Duration.minutes(5), statistic="Sum"),
            threshold=5,
            evaluation_periods=1,
        )
