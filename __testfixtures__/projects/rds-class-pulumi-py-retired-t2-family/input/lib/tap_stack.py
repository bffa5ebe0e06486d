"""tap_stack.py: the CMS database and a read replica for the public site."""

from typing import Optional

import pulumi
import pulumi_aws as aws
from pulumi import ResourceOptions


class TapStackArgs:
    def __init__(self, environment_suffix: Optional[str] = None, tags: Optional[dict] = None):
        self.environment_suffix = environment_suffix or "dev"
        self.tags = tags or {}


class TapStack(pulumi.ComponentResource):
    def __init__(self, name: str, args: TapStackArgs, opts: Optional[ResourceOptions] = None):
        super().__init__("tap:stack:TapStack", name, None, opts)
        self.environment_suffix = args.environment_suffix
        self.tags = args.tags

        self.primary = self._mysql_instance("cms-db")
        self.replica = aws.rds.Instance(
            f"cms-db-replica-{self.environment_suffix}",
            identifier=f"cms-db-replica-{self.environment_suffix}",
            replicate_source_db=self.primary.identifier,
            instance_class="db.t3.micro",
            skip_final_snapshot=True,
            tags=self.tags,
            opts=ResourceOptions(parent=self),
        )

        self.register_outputs({"primary_endpoint": self.primary.endpoint})

    def _mysql_instance(self, name: str, instance_class: str = "db.t2.micro") -> aws.rds.Instance:
        return aws.rds.Instance(
            f"{name}-{self.environment_suffix}",
            identifier=f"{name}-{self.environment_suffix}",
            engine="mysql",
            engine_version="8.0.39",
            instance_class=instance_class,
            allocated_storage=20,
            db_name="cms",
            username="cms_admin",
            manage_master_user_password=True,
            backup_retention_period=1,
            skip_final_snapshot=True,
            tags=self.tags,
            opts=ResourceOptions(parent=self),
        )
