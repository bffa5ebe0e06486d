from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_sns as sns
from aws_cdk import aws_cloudwatch_actions as cloudwatch_actions
from constructs import Construct


class AlarmsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, topic: sns.ITopic, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        alarm = cloudwatch.Alarm(
            self,
            "Errors",
            metric=cloudwatch.Metric(namespace="Orders", metric_name="Errors"),
            threshold=1,
            evaluation_periods=1,
        )
        alarm.add_alarm_action(cloudwatch_actions.SnsAction(topic))
        alarm.apply_removal_policy(RemovalPolicy.DESTROY)
