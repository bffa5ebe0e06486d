import pulumi
import pulumi_aws as aws

rule = aws.cfg.Rule(
    "s3-versioning",
    source=aws.cfg.RuleSourceArgs(owner="AWS", source_identifiers="S3_BUCKET_VERSIONING_ENABLED"),
)
