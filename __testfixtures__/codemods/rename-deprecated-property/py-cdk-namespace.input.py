import aws_cdk as cdk
from constructs import Construct


class ScratchStack(cdk.Stack):
	def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
		super().__init__(scope, construct_id, **kwargs)

		repo = cdk.aws_ecr.Repository(
			self,
			"ScratchImages",
			removal_policy=cdk.RemovalPolicy.DESTROY,
			# Empty the repository first, or the delete fails.
			auto_delete_images = True,
		)
		cdk.CfnOutput(self, "ScratchRepoUri", value=repo.repository_uri)
