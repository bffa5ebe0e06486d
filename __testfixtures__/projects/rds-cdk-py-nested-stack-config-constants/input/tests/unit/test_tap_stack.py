import aws_cdk as cdk
from aws_cdk.assertions import Template

from lib.tap_stack import TapStack, TapStackProps


def test_nested_database_stack():
    app = cdk.App()
    stack = TapStack(app, "TapStacktest", TapStackProps(environment_suffix="test"))
    Template.from_stack(stack).resource_count_is("AWS::CloudFormation::Stack", 1)
