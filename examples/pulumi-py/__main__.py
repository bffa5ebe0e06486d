"""Orders service infrastructure."""
import pulumi

from infra import cache, database, observability

pulumi.export("db_endpoint", database.orders_db.address)
pulumi.export("ledger_endpoint", database.ledger.endpoint)
pulumi.export("redis_host", cache.redis_host)
pulumi.export("redis_port", cache.redis_port)
pulumi.export("audit_log_group", observability.audit_logs.name)
