"""tap_stack.py
Image resizing service: an S3 bucket and the function that processes uploads.
"""

from typing import Optional

import aws_cdk as cdk
from aws_cdk import (
    Duration,
    RemovalPolicy,
    CfnOutput,
    aws_s3 as s3,
    aws_s3_notifications as s3n,
    aws_lambda as _lambda,
    aws_iam as iam,
    aws_logs as logs,
)
from constructs import Construct


class TapStackProps(cdk.StackProps):
    def __init__(self, environment_suffix: Optional[str] = None, **kwargs):
        super().__init__(**kwargs)
        self.environment_suffix = environment_suffix


class TapStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, props: Optional[TapStackProps] = None, **kwargs):
        super().__init__(scope, construct_id, **kwargs)

        environment_suffix = (props.environment_suffix if props else None) or "dev"

        uploads = s3.Bucket(
            self,
            f"Uploads{environment_suffix}",
            removal_policy=RemovalPolicy.DESTROY,
            auto_delete_objects=True,
            enforce_ssl=True,
        )

        resize_logs = logs.LogGroup(
            self,
            f"ResizeLogs{environment_suffix}",
            log_group_name=f"/aws/lambda/image-resize-{environment_suffix}",
            retention=logs.RetentionDays.TWO_WEEKS,
            removal_policy=RemovalPolicy.DESTROY,
        )

        resize_fn = _lambda.Function(
            self,
            f"ResizeFunction{environment_suffix}",
            function_name=f"image-resize-{environment_suffix}",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="resize.handler",
            code=_lambda.Code.from_asset("lib/lambda"),
            memory_size=1024,
            timeout=Duration.seconds(30),
            log_group=resize_logs,
        )
        uploads.grant_read_write(resize_fn)
        resize_fn.add_to_role_policy(
            iam.PolicyStatement(actions=["rekognition:DetectLabels"], resources=["*"])
        )
        uploads.add_event_notification(
            s3.EventType.OBJECT_CREATED, s3n.LambdaDestination(resize_fn), s3.NotificationKeyFilter(prefix="incoming/")
        )

        CfnOutput(self, "UploadsBucket", value=uploads.bucket_name)
