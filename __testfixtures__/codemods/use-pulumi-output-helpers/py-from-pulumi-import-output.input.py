import json

from pulumi import Output, export
from pulumi_aws import iam, s3

bucket = s3.Bucket("assets")
policy = iam.Policy("assets-read", policy=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": bucket.arn}]}))
export("policy_arn", policy.arn)
