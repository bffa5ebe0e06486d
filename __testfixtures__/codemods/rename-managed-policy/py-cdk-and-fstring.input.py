from aws_cdk import Aws, Stack, aws_iam as iam
from constructs import Construct


class ComplianceStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        role = iam.Role(
            self,
            "RecorderRole",
            assumed_by=iam.ServicePrincipal("config.amazonaws.com"),
            managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name("service-role/ConfigRole")],
        )
        role.add_managed_policy(
            iam.ManagedPolicy.from_managed_policy_arn(self, "ConfigPolicy", f"arn:{Aws.PARTITION}:iam::aws:policy/service-role/ConfigRole")
        )
