from aws_cdk import (
    Stack,
    aws_s3 as s3,  # static site bucket
    CfnOutput,
)
from constructs import Construct


class SiteStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        bucket = s3.Bucket(self, "Site", website_index_document="index.html")
        CfnOutput(self, "SiteUrl", value=bucket.bucket_website_url)
