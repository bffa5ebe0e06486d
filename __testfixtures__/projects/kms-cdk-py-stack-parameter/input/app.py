import aws_cdk as cdk

from stacks.vpc_flow_logs import VpcFlowLogsStack

app = cdk.App()
VpcFlowLogsStack(app, "VpcFlowLogs", env=cdk.Environment(region="eu-north-1"))
app.synth()
