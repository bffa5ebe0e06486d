"""Log groups, metric filters and alarms for the payments service."""
import json

import pulumi
from pulumi_aws import cloudwatch, iam, logs, sns


class Observability(pulumi.ComponentResource):
    def __init__(self, name: str, environment_suffix: str, kms_key_arn: pulumi.Input[str], opts=None):
        super().__init__("payments:monitoring:Observability", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)

        # Application logs: 30 days outside prod, a year in prod.
        retention = 365 if environment_suffix == "prod" else 30
        self.app_logs = logs.LogGroup(
            f"payments-app-logs-{environment_suffix}",
            name=f"/payments/{environment_suffix}/app",
            retention_in_days=retention,
            kms_key_id=kms_key_arn,
            opts=child,
        )
        self.audit_logs = logs.LogGroup(
            f"payments-audit-logs-{environment_suffix}",
            name=f"/payments/{environment_suffix}/audit",
            retention_in_days=2557,
            kms_key_id=kms_key_arn,
            opts=child,
        )

        # Count ERROR lines so an alarm can page on them.
        self.error_filter = logs.MetricFilter(
            f"payments-errors-{environment_suffix}",
            log_group_name=self.app_logs.name,
            pattern='{ $.level = "ERROR" }',
            metric_transformation=logs.MetricFilterMetricTransformationArgs(
                name=f"PaymentsErrors-{environment_suffix}",
                namespace="Payments",
                value="1",
            ),
            opts=child,
        )

        self.alerts = sns.Topic(f"payments-alerts-{environment_suffix}", opts=child)
        self.error_alarm = cloudwatch.MetricAlarm(
            f"payments-error-alarm-{environment_suffix}",
            comparison_operator="GreaterThanOrEqualToThreshold",
            evaluation_periods=1,
            metric_name=f"PaymentsErrors-{environment_suffix}",
            namespace="Payments",
            period=300,
            statistic="Sum",
            threshold=5,
            alarm_actions=[self.alerts.arn],
            opts=child,
        )

        self.reader_policy = iam.Policy(
            f"payments-log-reader-{environment_suffix}",
            policy=self.app_logs.arn.apply(
                lambda arn: json.dumps(
                    {
                        "Version": "2012-10-17",
                        "Statement": [{"Effect": "Allow", "Action": ["logs:GetLogEvents", "logs:FilterLogEvents"], "Resource": f"{arn}:*"}],
                    }
                )
            ),
            opts=child,
        )
        self.register_outputs({"app_logs": self.app_logs.name})
