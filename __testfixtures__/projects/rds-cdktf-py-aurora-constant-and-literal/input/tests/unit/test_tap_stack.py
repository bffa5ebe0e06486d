from cdktf import App, Testing

from lib.tap_stack import TapStack


def test_cluster_has_two_instances():
    stack = TapStack(App(), "TapStacktest", environment_suffix="test")
    synthesized = Testing.synth(stack)
    assert synthesized.count('"aws_rds_cluster_instance"') == 1
