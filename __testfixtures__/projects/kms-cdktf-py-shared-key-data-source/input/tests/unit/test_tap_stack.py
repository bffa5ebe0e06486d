from cdktf import App, Testing

from lib.tap_stack import TapStack


def test_log_groups_use_shared_key():
    app = App()
    stack = TapStack(app, "TapStackTest", environment_suffix="test")
    synthesized = Testing.synth(stack)
    assert "alias/platform/shared-logs" in synthesized
