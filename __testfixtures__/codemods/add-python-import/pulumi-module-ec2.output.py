import pulumi
from pulumi_aws import iam, s3, ec2

bucket = s3.BucketV2("artifacts")

web_sg = ec2.SecurityGroup(
    "web",
    description="HTTPS from anywhere",
    ingress=[ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=443, to_port=443, cidr_blocks=["0.0.0.0/0"])],
)

role = iam.Role("web", assume_role_policy=iam.get_policy_document(statements=[]).json)
pulumi.export("web_sg", web_sg.id)
