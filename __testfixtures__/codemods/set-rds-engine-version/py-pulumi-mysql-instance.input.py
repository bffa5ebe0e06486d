"""Billing service storage: MySQL for the ledger, Redis for idempotency keys."""
import pulumi
import pulumi_aws as aws

cfg = pulumi.Config()

ledger = aws.rds.Instance(
    "billing-ledger",
    engine="mysql",
    engine_version='8.0.35',
    instance_class="db.m6g.large",
    allocated_storage=200,
    storage_type="gp3",
    username="ledger",
    manage_master_user_password=True,
    db_subnet_group_name=cfg.require("dbSubnetGroup"),
)

audit = aws.rds.Instance(
    "billing-audit",
    engine="postgres",
    engine_version="16.4",
    instance_class="db.t4g.small",
    allocated_storage=50,
    username="audit",
    manage_master_user_password=True,
)

keys = aws.elasticache.ReplicationGroup(
    "billing-idempotency",
    description="idempotency keys",
    engine="redis",
    engine_version="7.1",
    node_type="cache.t4g.small",
    num_cache_clusters=2,
)

pulumi.export("ledger_address", ledger.address)
