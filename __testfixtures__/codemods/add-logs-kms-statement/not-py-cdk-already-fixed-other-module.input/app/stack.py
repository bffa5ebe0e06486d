from aws_cdk import Stack
from aws_cdk import aws_logs as logs
from constructs import Construct

from app.keys import KeysConstruct


class AppStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        keys = KeysConstruct(self, "Keys")
        logs.LogGroup(self, "AppLogs", log_group_name="/app/main", encryption_key=keys.logs_key)
