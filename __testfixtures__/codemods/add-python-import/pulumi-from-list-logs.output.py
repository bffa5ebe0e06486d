"""Flow logs for the VPC, with a metric on rejected packets."""
import pulumi
from pulumi_aws import (ec2, kms, cloudwatch)

cfg = pulumi.Config()

vpc = ec2.Vpc("main", cidr_block="10.0.0.0/16")
key = kms.Key("flow-logs", deletion_window_in_days=7)

flow_logs = cloudwatch.LogGroup(
    "flow-logs",
    retention_in_days=cfg.get_int("retention_days") or 14,
    kms_key_id=key.arn,
)

rejected = cloudwatch.LogMetricFilter(
    "rejected-packets",
    log_group_name=flow_logs.name,
    pattern="[version, account, eni, source, destination, srcport, destport, protocol, packets, bytes, start, end, action=REJECT, status]",
    metric_transformation=cloudwatch.LogMetricFilterMetricTransformationArgs(
        name="RejectedPackets",
        namespace="Network",
        value="1",
    ),
)

pulumi.export("flow_log_group", flow_logs.name)
