import pulumi_aws as aws

logs = aws.s3.Bucket("access-logs", bucket_acl="log-delivery-write")
