"""Bucket policy for the uploads bucket."""
import pulumi
import pulumi_aws as aws

uploads = aws.s3.BucketV2("uploads")

deny_insecure = json.dumps({"Version": "2012-10-17", "Statement": []})

import json  # noqa: E402 (moved here by a bad merge)

aws.s3.BucketPolicy("uploads-policy", bucket=uploads.id, policy=deny_insecure)
