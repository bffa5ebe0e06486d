import pulumi
import pulumi_aws as aws

# `config = pulumi.Config()` was lost in a merge: not an import.
bucket = aws.s3.BucketV2("uploads", bucket=config.require("uploads_bucket"))
