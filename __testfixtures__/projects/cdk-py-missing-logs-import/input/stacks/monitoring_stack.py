from aws_cdk import (
    Duration,
    RemovalPolicy,
    Stack,
    aws_cloudwatch as cloudwatch,
    aws_sqs as sqs,
)
from constructs import Construct


class MonitoringStack(Stack):
    """Alarms on the order queue, and a log group for the alarm handler's output."""

    def __init__(self, scope: Construct, construct_id: str, *, environment_suffix: str, queue: sqs.IQueue, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Kept for a month: alarm investigations rarely look further back.
        self.alarm_logs = logs.LogGroup(
            self,
            "AlarmLogs",
            log_group_name=f"/orders/{environment_suffix}/alarms",
            retention=logs.RetentionDays.ONE_MONTH,
            removal_policy=RemovalPolicy.DESTROY,
        )

        cloudwatch.Alarm(
            self,
            "QueueBacklogAlarm",
            alarm_name=f"orders-backlog-{environment_suffix}",
            metric=queue.metric_approximate_number_of_messages_visible(period=Duration.minutes(5)),
            threshold=500,
            evaluation_periods=3,
        )
