from pulumi import ResourceOptions
import pulumi_aws as aws

bucket = aws.s3.Bucket("assets")
block = aws.s3.BucketPublicAccessBlock("assets-block", bucket=bucket.id, block_public_policy=True)
policy = aws.s3.BucketPolicy(
    "assets-policy",
    bucket=bucket.id,
    policy="{}",
    depends_on=[block],
    opts=ResourceOptions(protect=True),
)
