from aws_cdk import CfnOutput, Stack
from constructs import Construct

from constructs_lib.notes_api import NotesApi


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, stage: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        api = NotesApi(self, "NotesApi", stage=stage)
        CfnOutput(self, "ApiUrl", value=api.rest_api.url)
