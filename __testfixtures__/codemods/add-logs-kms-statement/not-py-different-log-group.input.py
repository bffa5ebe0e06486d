import pulumi_aws as aws

key = aws.kms.Key("search-key", enable_key_rotation=True)

aws.cloudwatch.LogGroup(
    "search-logs",
    name="/search/api",
    kms_key_id=key.arn,
)
