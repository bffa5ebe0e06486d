import boto3
from moto import mock_sns, mock_sqs


@mock_sns
@mock_sqs
def test_order_events_reach_the_queue():
    sns = boto3.client("sns", region_name="us-east-1")
    topic = sns.create_topic(Name="orders-test")["TopicArn"]
    queue = boto3.client("sqs", region_name="us-east-1").create_queue(QueueName="orders-test")["QueueUrl"]
    assert topic and queue
