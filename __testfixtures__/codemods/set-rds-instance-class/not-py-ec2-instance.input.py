from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class ToolsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        small = ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.SMALL)
        ec2.Instance(self, "Runner", vpc=vpc, instance_type=small, machine_image=ec2.MachineImage.latest_amazon_linux2023())
        ec2.LaunchTemplate(self, "Spot", instance_type=ec2.InstanceType("t3.small"))
