import base64
import gzip
import json


def handler(event, context):
    payload = json.loads(gzip.decompress(base64.b64decode(event["awslogs"]["data"])))
    print(f"archived {len(payload.get('logEvents', []))} events")
