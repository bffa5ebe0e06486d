import pulumi
import pulumi_aws as aws

sessions = aws.elasticache.ReplicationGroup(
    "sessions",
    description="Sharded session store",
    node_type="cache.r7g.large",
    parameter_group_name="default.redis7.cluster.on",
    num_node_groups=3,
    replicas_per_node_group=1,
    automatic_failover_enabled=True,
)

pulumi.export("sessions_endpoint", sessions.configuration_endpoint_address)
pulumi.export("sessions_port", sessions.port)
