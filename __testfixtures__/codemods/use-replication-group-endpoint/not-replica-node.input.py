import pulumi
import pulumi_aws as aws

reports = aws.elasticache.ReplicationGroup(
    "reports",
    description="Reporting cache with a read replica",
    node_type="cache.t4g.medium",
    num_cache_clusters=2,
)

pulumi.export("reports_primary", reports.cache_nodes[0].address)
pulumi.export("reports_replica", reports.cache_nodes[1].address)
