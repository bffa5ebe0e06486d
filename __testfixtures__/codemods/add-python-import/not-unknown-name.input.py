from aws_cdk import (
    Stack,
    aws_cloudwatch as cloudwatch,
)
from constructs import Construct


class DashboardStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        cloudwach.Dashboard(self, "Ops", dashboard_name="ops")
        cloudwatch.Alarm.from_alarm_arn(self, "Existing", "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:ops")
