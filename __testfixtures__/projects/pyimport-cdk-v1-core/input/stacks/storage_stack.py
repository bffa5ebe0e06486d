from aws_cdk import (
    core,
    aws_dynamodb as dynamodb,
    aws_s3 as s3,
)


class StorageStack(core.Stack):
    """Inventory table and the bucket for nightly exports."""

    def __init__(self, scope: core.Construct, construct_id: str, *, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        removal = core.RemovalPolicy.RETAIN if environment_suffix == "prod" else core.RemovalPolicy.DESTROY

        self.table = dynamodb.Table(
            self,
            "InventoryTable",
            table_name=f"inventory-{environment_suffix}",
            partition_key=dynamodb.Attribute(name="sku", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            removal_policy=removal,
        )

        # Nightly exports land here; expire them after 90 days.
        self.exports = s3.Bucket(
            self,
            "ExportsBucket",
            bucket_name=f"inventory-exports-{environment_suffix}-{core.Aws.ACCOUNT_ID}",
            lifecycle_rules=[s3.LifecycleRule(expiration=core.Duration.days(90))],
            removal_policy=removal,
        )

        core.CfnOutput(self, "TableName", value=self.table.table_name)
