import json
import pulumi_aws as aws
import pulumi

queue = aws.sqs.Queue("orders")
topic = aws.sns.Topic("orders-events")

aws.sqs.QueuePolicy(
    "orders-from-sns",
    queue_url=queue.url,
    policy=pulumi.Output.json_dumps({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": {"Service": "sns.amazonaws.com"},
            "Action": "sqs:SendMessage",
            "Resource": queue.arn,
            "Condition": {"ArnEquals": {"aws:SourceArn": topic.arn}},
        }],
    }),
)
