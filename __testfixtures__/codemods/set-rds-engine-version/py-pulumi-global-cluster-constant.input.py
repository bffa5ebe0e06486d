import pulumi
import pulumi_aws as aws

environment_suffix = pulumi.Config().require("environment_suffix")

# One version for the global cluster and every member.
AURORA_VERSION = "15.4"

global_cluster = aws.rds.GlobalCluster(
    f"ledger-global-{environment_suffix}",
    global_cluster_identifier=f"ledger-global-{environment_suffix}",
    engine="aurora-postgresql",
    engine_version=AURORA_VERSION,
    storage_encrypted=True,
)

cluster = aws.rds.Cluster(
    f"ledger-cluster-{environment_suffix}",
    engine="aurora-postgresql",
    engine_version=AURORA_VERSION,
    global_cluster_identifier=global_cluster.id,
    master_username="ledger",
    manage_master_user_password=True,
    skip_final_snapshot=True,
)

instances = [
    aws.rds.ClusterInstance(
        f"ledger-instance-{n}-{environment_suffix}",
        cluster_identifier=cluster.id,
        instance_class="db.r6g.large",
        engine=cluster.engine,
        engine_version=cluster.engine_version,
    )
    for n in range(2)
]
