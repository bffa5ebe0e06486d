import unittest

import pulumi


class Mocks(pulumi.runtime.Mocks):
    def new_resource(self, args):
        return [f"{args.name}_id", {**args.inputs, "endpoint": "db.example"}]

    def call(self, args):
        if args.token == "aws:ec2/getVpc:getVpc":
            return {"id": "vpc-123"}
        return {"ids": ["subnet-1", "subnet-2"]}


pulumi.runtime.set_mocks(Mocks())

from lib.tap_stack import TapStack, TapStackArgs  # noqa: E402


class TestTapStack(unittest.TestCase):
    @pulumi.runtime.test
    def test_two_instances(self):
        stack = TapStack("test", TapStackArgs(environment_suffix="test"))
        self.assertEqual(len(stack.instances), 2)
