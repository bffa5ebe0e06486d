import pulumi_aws as aws

recorder = aws.cfg.Recorder("recorder", role_arn="arn:aws:iam::123456789012:role/config")
rule = aws.cfg.Rule(
    "s3-versioning",
    source=aws.cfg.RuleSourceArgs(owner="AWS", source_identifier="S3_BUCKET_VERSIONING_ENABLED"),
    depends_on=[recorder],
)
