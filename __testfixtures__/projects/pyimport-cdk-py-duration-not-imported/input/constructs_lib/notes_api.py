from aws_cdk import RemovalPolicy, aws_apigateway as apigw, aws_dynamodb as dynamodb, aws_lambda as lambda_
from constructs import Construct


class NotesApi(Construct):
    """REST API backed by one Lambda function and a DynamoDB table."""

    def __init__(self, scope: Construct, construct_id: str, *, stage: str) -> None:
        super().__init__(scope, construct_id)

        self.table = dynamodb.TableV2(
            self,
            "NotesTable",
            table_name=f"notes-{stage}",
            partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
            removal_policy=RemovalPolicy.DESTROY,
        )

        handler = lambda_.Function(
            self,
            "NotesHandler",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="notes.handler",
            code=lambda_.Code.from_asset("src"),
            timeout=Duration.seconds(10),
            environment={"TABLE_NAME": self.table.table_name},
        )
        self.table.grant_read_write_data(handler)

        self.rest_api = apigw.LambdaRestApi(self, "NotesRestApi", handler=handler, proxy=True)
