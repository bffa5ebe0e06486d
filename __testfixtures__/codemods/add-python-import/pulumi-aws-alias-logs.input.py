import pulumi
import pulumi_aws as aws


class ServiceLogs(pulumi.ComponentResource):
    def __init__(self, name: str, retention_days: int = 30, opts: pulumi.ResourceOptions | None = None):
        super().__init__("acme:observability:ServiceLogs", name, None, opts)
        self.group = logs.LogGroup(
            f"{name}-logs",
            name=f"/acme/{name}",
            retention_in_days=retention_days,
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.register_outputs({"log_group": self.group.name})
