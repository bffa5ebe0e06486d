import pulumi_aws as aws

ci_role = aws.iam.Role("ci-role", assume_role_policy=aws.iam.get_policy_document(statements=[]).json)

aws.iam.RolePolicyAttachment(
    "ci-pipeline-access",
    role=ci_role.name,
    policy_arn='arn:aws:iam::aws:policy/AWSCodePipelineFullAccess',
)
