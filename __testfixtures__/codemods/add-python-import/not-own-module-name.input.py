import aws_cdk as cdk

from lib.tap_stack import TapStack, TapStackProps

app = cdk.App()
TapStack(app, "TapStackdev", props=TapStackProps(environment_suffix="dev"))
app.synth()
