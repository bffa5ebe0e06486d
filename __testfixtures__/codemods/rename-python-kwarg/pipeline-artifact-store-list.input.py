import pulumi_aws as aws

artifacts = aws.s3.Bucket("pipeline-artifacts")
pipeline = aws.codepipeline.Pipeline(
    "app-pipeline",
    role_arn="arn:aws:iam::123456789012:role/pipeline",
    artifact_store=aws.codepipeline.PipelineArtifactStoreArgs(
        location=artifacts.bucket,
        type="S3",
    ),
    stages=[],
)
