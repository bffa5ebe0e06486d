import aws_cdk as cdk
from aws_cdk.assertions import Template

from lib.tap_stack import TapStack, TapStackProps


def test_log_group_is_encrypted():
    app = cdk.App()
    stack = TapStack(app, "TapStackTest", TapStackProps(environment_suffix="test"))
    template = Template.from_stack(stack)
    template.resource_count_is("AWS::KMS::Key", 2)
    template.resource_count_is("AWS::Logs::LogGroup", 1)
