def handler(event, context):
    return {"resized": len(event.get("Records", []))}
