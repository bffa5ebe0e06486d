from aws_cdk import App, Construct, Duration, Stack
from aws_cdk import aws_sqs as sqs


class QueueStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.queue = sqs.Queue(self, "Jobs", visibility_timeout=Duration.minutes(5))


app = App()
QueueStack(app, "QueueStack-dev")
app.synth()
