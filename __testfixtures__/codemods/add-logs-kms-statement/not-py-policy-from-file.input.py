import pulumi_aws as aws

ingest_key = aws.kms.Key(
    "ingest-key",
    policy=open("policies/ingest-key.json").read(),
)

aws.cloudwatch.LogGroup("ingest-logs", kms_key_id=ingest_key.arn)
