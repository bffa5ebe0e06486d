import pulumi
import pulumi_aws as aws

bucket = aws.s3.Bucket("assets")
aws.s3.BucketPolicy(
    "assets-policy",
    bucket=bucket.id,
    policy=pulumi.Output.json_dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": bucket.arn}]}),
)
