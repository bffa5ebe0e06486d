from aws_cdk import CfnParameter, RemovalPolicy, Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_kms as kms
from aws_cdk import aws_logs as logs
from constructs import Construct


class VpcFlowLogsStack(Stack):
    """Flow logs for the shared VPC, encrypted with the security account's key."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        key_arn = CfnParameter(
            self,
            "FlowLogsKeyArn",
            type="String",
            description="KMS key for flow logs, owned by the security account",
        )
        flow_logs_key = kms.Key.from_key_arn(self, "FlowLogsKey", key_arn.value_as_string)

        vpc = ec2.Vpc.from_lookup(self, "SharedVpc", vpc_name="shared-services")

        log_group = logs.LogGroup(
            self,
            "FlowLogGroup",
            log_group_name="/vpc/shared-services/flow-logs",
            encryption_key=flow_logs_key,
            retention=logs.RetentionDays.SIX_MONTHS,
            removal_policy=RemovalPolicy.RETAIN,
        )

        ec2.FlowLog(
            self,
            "FlowLog",
            resource_type=ec2.FlowLogResourceType.from_vpc(vpc),
            destination=ec2.FlowLogDestination.to_cloud_watch_logs(log_group),
            traffic_type=ec2.FlowLogTrafficType.REJECT,
        )
