import pulumi
import pulumi_aws as aws

ENV = {"STAGE": pulumi.get_stack()}

role = aws.iam.Role("worker-role", assume_role_policy=aws.iam.get_policy_document(statements=[]).json)

worker = aws.lambda_.Function(
    "worker",
    runtime="python3.12",
    role=role.arn,
    handler="worker.main",
    code=pulumi.FileArchive("./worker"),
    environment=aws.lambda_.FunctionEnvironmentArgs(variables=ENV),
)

poller = aws.lambda_.Function(
    "poller",
    runtime="python3.12",
    role=role.arn,
    handler="poller.main",
    code=pulumi.FileArchive("./poller"),
    environment={"variables": {}},
)
