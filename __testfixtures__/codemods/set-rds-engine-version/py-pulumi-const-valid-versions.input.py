import pulumi
from pulumi_aws import rds

# Aurora PostgreSQL for the ledger service.
LEDGER_PG_VERSION = "14.7"

ledger = rds.Cluster(
    "ledger",
    cluster_identifier="ledger-prod",
    engine=rds.EngineType.AURORA_POSTGRESQL,
    engine_version=LEDGER_PG_VERSION,
    database_name="ledger",
    master_username="ledger",
    manage_master_user_password=True,
    storage_encrypted=True,
    backup_retention_period=7,
)

rds.ClusterInstance(
    "ledger-writer",
    cluster_identifier=ledger.id,
    engine=ledger.engine,
    engine_version=ledger.engine_version,
    instance_class="db.r6g.large",
)

pulumi.export("ledger_endpoint", ledger.endpoint)
