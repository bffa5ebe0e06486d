from constructs import Construct
from cdktf import TerraformStack, TerraformVariable
from cdktf_cdktf_provider_aws.cloudwatch_log_group import CloudwatchLogGroup


class SharedStack(TerraformStack):
    def __init__(self, scope: Construct, ns: str):
        super().__init__(scope, ns)
        key_arn = TerraformVariable(self, "logs_key_arn", type="string")
        CloudwatchLogGroup(self, "shared-logs", name="/shared/app", kms_key_id=key_arn.string_value)
