"""
tap_stack.py

IoT ingestion: an ECS cluster for the collectors and the logs they write.
"""

from typing import Optional

import pulumi
from pulumi import ResourceOptions
from pulumi_aws import (
    ec2, ecs, iam, cloudwatch, kms
)


class TapStackArgs:
    def __init__(self, environment_suffix: Optional[str] = None, tags: Optional[dict] = None):
        self.environment_suffix = environment_suffix or "dev"
        self.tags = tags or {}


class TapStack(pulumi.ComponentResource):
    def __init__(self, name: str, args: TapStackArgs, opts: Optional[ResourceOptions] = None):
        super().__init__("tap:stack:TapStack", name, None, opts)
        self.environment_suffix = args.environment_suffix
        self.tags = args.tags

        self.kms_key = kms.Key(
            f"iot-key-{self.environment_suffix}",
            description="IoT platform key",
            enable_key_rotation=True,
            opts=ResourceOptions(parent=self),
        )
        self.cluster = ecs.Cluster(
            f"iot-cluster-{self.environment_suffix}",
            name=f"iot-cluster-{self.environment_suffix}",
            opts=ResourceOptions(parent=self),
        )

        self._create_log_groups()
        self._create_alarms()

        self.register_outputs({"cluster_name": self.cluster.name})

    def _create_log_groups(self):
        self.collector_logs = cloudwatch.LogGroup(
            f"collector-logs-{self.environment_suffix}",
            name=f"/ecs/iot-collector-{self.environment_suffix}",
            retention_in_days=7,
            tags=self.tags,
            opts=ResourceOptions(parent=self),
        )
        self.api_logs = cloudwatch.LogGroup(
            f"api-gateway-logs-{self.environment_suffix}",
            name=f"/aws/apigateway/iot-platform-{self.environment_suffix}",
            retention_in_days=7,
            tags=self.tags,
            opts=ResourceOptions(parent=self),
        )

    def _create_alarms(self):
        errors = cloudwatch.LogMetricFilter(
            f"collector-errors-{self.environment_suffix}",
            log_group_name=self.collector_logs.name,
            pattern="ERROR",
            metric_transformation=cloudwatch.LogMetricFilterMetricTransformationArgs(
                name="CollectorErrors",
                namespace=f"IoT/{self.environment_suffix}",
                value="1",
            ),
            opts=ResourceOptions(parent=self),
        )
        cloudwatch.MetricAlarm(
            f"collector-errors-alarm-{self.environment_suffix}",
            comparison_operator="GreaterThanThreshold",
            evaluation_periods=1,
            metric_name="CollectorErrors",
            namespace=f"IoT/{self.environment_suffix}",
            period=300,
            statistic="Sum",
            threshold=10,
            opts=ResourceOptions(parent=self, depends_on=[errors]),
        )
