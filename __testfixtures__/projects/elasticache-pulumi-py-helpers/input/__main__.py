import pulumi
import pulumi_aws as aws

from infra.cache import create_redis, create_sessions, subnet_group

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or pulumi.get_stack()
subnet_ids = config.require_object("privateSubnetIds")
cache_sg = config.require("cacheSecurityGroupId")

subnets = subnet_group(f"storefront-cache-subnets-{environment_suffix}", subnet_ids)
redis = create_redis(environment_suffix, subnets, cache_sg)
sessions = create_sessions(environment_suffix, subnets, cache_sg)

api = aws.lambda_.Function(
    f"storefront-api-{environment_suffix}",
    runtime="python3.12",
    handler="app.handler",
    role=config.require("apiRoleArn"),
    code=pulumi.FileArchive("./api"),
    environment=aws.lambda_.FunctionEnvironmentArgs(
        variables={
            # Carts in Redis, sessions in memcached.
            "REDIS_HOST": redis.cache_nodes[0].address,
            "REDIS_PORT": redis.cache_nodes[0].port.apply(str),
            "MEMCACHED_HOST": sessions.cache_nodes[0].address,
        }
    ),
)

pulumi.export("redis_endpoint", redis.cache_nodes[0].address)
pulumi.export("sessions_endpoint", sessions.cache_nodes[0].address)
