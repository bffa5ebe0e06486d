import boto3
from moto import mock_dynamodb


@mock_dynamodb
def test_table_created():
    client = boto3.client("dynamodb", region_name="us-east-1")
    assert client.list_tables()["TableNames"] == []
