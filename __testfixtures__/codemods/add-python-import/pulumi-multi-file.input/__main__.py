"""Orders service infrastructure."""
import pulumi

from infra import observability

pulumi.export("audit_log_group", observability.audit_logs.name)
