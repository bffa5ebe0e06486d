import boto3


def recent_errors(group_name: str) -> list:
    logs = boto3.client("logs")
    return logs.filter_log_events(logGroupName=group_name, filterPattern="ERROR")["events"]


def tail(group_name: str) -> None:
    for event in logs.filter_log_events(logGroupName=group_name)["events"]:
        print(event["message"])
