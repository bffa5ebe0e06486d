import aws_cdk as cdk
from aws_cdk import aws_ec2 as ec2


def bastion_image() -> ec2.IMachineImage:
    return cdk.aws_ec2.MachineImage.latest_amazon_linux2023(cached_in_context=True)
