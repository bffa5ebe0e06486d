"""Log groups for the order functions and the subscription that ships them to the archive."""

import pulumi
from pulumi import ResourceOptions
from pulumi_aws import iam, lambda_, logs


class Observability(pulumi.ComponentResource):
    def __init__(self, name: str, environment_suffix: str, archive_function: lambda_.Function, opts=None):
        super().__init__("tap:observability:Observability", name, None, opts)

        self.orders_logs = logs.LogGroup(
            f"orders-fn-logs-{environment_suffix}",
            name=f"/aws/lambda/orders-{environment_suffix}",
            retention_in_days=14,
            opts=ResourceOptions(parent=self),
        )

        permission = lambda_.Permission(
            f"archive-invoke-{environment_suffix}",
            action="lambda:InvokeFunction",
            function=archive_function.name,
            principal="logs.amazonaws.com",
            source_arn=self.orders_logs.arn.apply(lambda arn: f"{arn}:*"),
            opts=ResourceOptions(parent=self),
        )

        logs.SubscriptionFilter(
            f"orders-to-archive-{environment_suffix}",
            log_group=self.orders_logs.name,
            filter_pattern="",
            destination_arn=archive_function.arn,
            opts=ResourceOptions(parent=self, depends_on=[permission]),
        )

        self.register_outputs({"orders_log_group": self.orders_logs.name})
