"""tap_stack.py: the order book service and its cache."""

import json
from typing import Optional

import pulumi
import pulumi_aws as aws
from pulumi import Output, ResourceOptions

from .cache import create_redis


class TapStackArgs:
    def __init__(self, environment_suffix: Optional[str] = None, tags: Optional[dict] = None):
        self.environment_suffix = environment_suffix or "dev"
        self.tags = tags or {}


class TapStack(pulumi.ComponentResource):
    def __init__(self, name: str, args: TapStackArgs, opts: Optional[ResourceOptions] = None):
        super().__init__("tap:stack:TapStack", name, None, opts)
        suffix = args.environment_suffix

        vpc = aws.ec2.get_vpc(tags={"Name": "trading"})
        subnets = aws.ec2.get_subnets(filters=[{"name": "vpc-id", "values": [vpc.id]}])
        cache_sg = aws.ec2.SecurityGroup(
            f"orderbook-cache-sg-{suffix}",
            vpc_id=vpc.id,
            ingress=[{"protocol": "tcp", "from_port": 6379, "to_port": 6379, "cidr_blocks": [vpc.cidr_block]}],
            opts=ResourceOptions(parent=self),
        )

        redis = create_redis(suffix, subnets.ids, cache_sg.id, self)

        container_definitions = Output.all(redis.cache_nodes[0].address, redis.cache_nodes[0].port).apply(
            lambda args: json.dumps(
                [
                    {
                        "name": "orderbook",
                        "image": "public.ecr.aws/tap/orderbook:latest",
                        "essential": True,
                        "environment": [
                            {"name": "REDIS_HOST", "value": args[0]},
                            {"name": "REDIS_PORT", "value": str(args[1])},
                            {"name": "REDIS_CLUSTER", "value": "true"},
                        ],
                    }
                ]
            )
        )

        self.task_definition = aws.ecs.TaskDefinition(
            f"orderbook-task-{suffix}",
            family=f"orderbook-{suffix}",
            cpu="512",
            memory="1024",
            network_mode="awsvpc",
            requires_compatibilities=["FARGATE"],
            container_definitions=container_definitions,
            opts=ResourceOptions(parent=self),
        )

        self.register_outputs({"task_definition": self.task_definition.arn})
