"""Payments platform: network lookups, the database tier and the queue that feeds it."""
import pulumi
import pulumi_aws as aws

from infra.database import PaymentsDatabase

config = pulumi.Config()
environment_suffix = config.require("environment_suffix")

vpc = aws.ec2.get_vpc(tags={"Name": f"shared-vpc-{environment_suffix}"})
subnets = aws.ec2.get_subnets(filters=[
    aws.ec2.GetSubnetsFilterArgs(name="vpc-id", values=[vpc.id]),
    aws.ec2.GetSubnetsFilterArgs(name="tag:Tier", values=["private"]),
])

settlement_queue = aws.sqs.Queue(
    f"payment-settlements-{environment_suffix}",
    visibility_timeout_seconds=120,
    tags={"Environment": environment_suffix},
)

database = PaymentsDatabase(environment_suffix, subnet_ids=subnets.ids, vpc_id=vpc.id)

pulumi.export("cluster_endpoint", database.cluster.endpoint)
pulumi.export("queue_url", settlement_queue.url)
