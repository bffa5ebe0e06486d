import unittest

import pulumi


class MyMocks(pulumi.runtime.Mocks):
    def new_resource(self, args):
        return [f"{args.name}_id", args.inputs]

    def call(self, args):
        if args.token == "aws:index/getRegion:getRegion":
            return {"name": "us-east-2"}
        return {"account_id": "123456789012"}


pulumi.runtime.set_mocks(MyMocks())

from lib.tap_stack import TapStack, TapStackArgs  # noqa: E402


class TestTapStack(unittest.TestCase):
    @pulumi.runtime.test
    def test_log_group_name(self):
        stack = TapStack("test", TapStackArgs(environment_suffix="test"))
        return stack.log_group.name.apply(lambda n: self.assertEqual(n, "/payments/test/consumer"))
