import os

import boto3


def export(event, _context):
    table = boto3.resource("dynamodb").Table(os.environ.get("TABLE_NAME", "orders-test"))
    items = table.scan().get("Items", [])
    s3 = boto3.client("s3")
    for item in items:
        s3.put_object(Bucket=event["bucket"], Key=f"orders/{item['id']}.json", Body=str(item))
    return len(items)
