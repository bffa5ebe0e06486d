"""Unit tests for the order exporter Lambda."""
import boto3
import pytest
from moto import mock_dynamodb, mock_s3

from lambdas.exporter import handler


@pytest.fixture
def table():
    with mock_dynamodb():
        client = boto3.resource("dynamodb", region_name="us-east-1")
        yield client.create_table(
            TableName="orders-test",
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )


@mock_s3
@mock_dynamodb
def test_export_writes_one_object_per_order(table):
    boto3.client("s3", region_name="us-east-1").create_bucket(Bucket="exports-test")
    handler.export({"bucket": "exports-test"}, None)


@mock_s3
def test_export_without_orders_writes_nothing():
    assert handler.export({"bucket": "exports-test"}, None) == 0
