import pulumi
import pulumi_aws as aws

common = pulumi.ResourceOptions(protect=True)
bucket = aws.s3.Bucket("assets")
aws.s3.BucketPolicy("assets-policy", bucket=bucket.id, policy="{}", depends_on=[bucket], opts=common)
