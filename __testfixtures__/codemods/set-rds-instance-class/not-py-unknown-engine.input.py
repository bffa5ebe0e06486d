from aws_cdk import Stack, aws_rds as rds
from constructs import Construct


class ReplicaStack(Stack):
    """A read replica of a database another team owns; its engine is theirs to choose."""

    def __init__(self, scope: Construct, construct_id: str, *, source_arn: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        rds.CfnDBInstance(
            self, "AnalyticsReplica",
            source_db_instance_identifier=source_arn,
            db_instance_class="db.t3.small",
        )
