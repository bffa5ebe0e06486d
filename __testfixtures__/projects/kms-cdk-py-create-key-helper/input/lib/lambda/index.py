import json
import os


def handler(event, context):
    records = event.get("Records", [])
    print(json.dumps({"stage": os.environ.get("STAGE"), "records": len(records)}))
    return {"batchItemFailures": []}
