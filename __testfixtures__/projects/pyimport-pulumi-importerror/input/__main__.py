"""Payments service: network, key and monitoring for one environment."""
import pulumi
import pulumi_aws as aws

from infra.network import Network
from infra.observability import Observability

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or pulumi.get_stack()

network = Network(f"payments-network-{environment_suffix}", cidr_block="10.20.0.0/16")

logs_key = aws.kms.Key(
    f"payments-logs-key-{environment_suffix}",
    description="Encrypts the payments log groups",
    enable_key_rotation=True,
)

monitoring = Observability(
    f"payments-monitoring-{environment_suffix}",
    environment_suffix=environment_suffix,
    kms_key_arn=logs_key.arn,
)

pulumi.export("vpc_id", network.vpc.id)
pulumi.export("app_log_group", monitoring.app_logs.name)
