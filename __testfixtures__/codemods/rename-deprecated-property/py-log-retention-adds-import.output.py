from aws_cdk import Stack, aws_lambda as lambda_, aws_logs as logs
from constructs import Construct


class WorkerStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, retention, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        lambda_.Function(self, 'Worker', runtime=lambda_.Runtime.PYTHON_3_12, handler='worker.main',
                         code=lambda_.Code.from_asset('worker'), log_group=logs.LogGroup(self, 'WorkerLogGroup', retention=retention))
