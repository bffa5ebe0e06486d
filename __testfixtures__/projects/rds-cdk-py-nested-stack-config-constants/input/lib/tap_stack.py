"""tap_stack.py
Orchestrates the TAP nested stacks.
"""

from typing import Optional

import aws_cdk as cdk
from aws_cdk import CfnOutput, aws_ec2 as ec2
from constructs import Construct

from .database_stack import DatabaseStack


class TapStackProps(cdk.StackProps):
    def __init__(self, environment_suffix: Optional[str] = None, **kwargs):
        super().__init__(**kwargs)
        self.environment_suffix = environment_suffix


class TapStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, props: Optional[TapStackProps] = None, **kwargs):
        super().__init__(scope, construct_id, **kwargs)

        environment_suffix = (props.environment_suffix if props else None) or "dev"

        vpc = ec2.Vpc(
            self,
            f"TapVpc{environment_suffix}",
            max_azs=2,
            nat_gateways=0,
            subnet_configuration=[
                ec2.SubnetConfiguration(name="public", subnet_type=ec2.SubnetType.PUBLIC, cidr_mask=24),
                ec2.SubnetConfiguration(name="isolated", subnet_type=ec2.SubnetType.PRIVATE_ISOLATED, cidr_mask=24),
            ],
        )

        # ! Keep resources in nested stacks; this stack only wires them together.
        database = DatabaseStack(self, "DatabaseStack", vpc=vpc, environment_suffix=environment_suffix)

        CfnOutput(self, "ReportingDbEndpoint", value=database.instance.db_instance_endpoint_address)
