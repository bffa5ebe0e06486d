from aws_cdk import Duration, RemovalPolicy, Stack
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class QueueStack(Stack):
    """Order intake queue and its dead-letter queue."""

    def __init__(self, scope: Construct, construct_id: str, *, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        dead_letters = sqs.Queue(
            self,
            "OrdersDlq",
            queue_name=f"orders-dlq-{environment_suffix}",
            retention_period=Duration.days(14),
            removal_policy=RemovalPolicy.DESTROY,
        )
        self.orders_queue = sqs.Queue(
            self,
            "OrdersQueue",
            queue_name=f"orders-{environment_suffix}",
            visibility_timeout=Duration.seconds(90),
            dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=5, queue=dead_letters),
            removal_policy=RemovalPolicy.DESTROY,
        )
