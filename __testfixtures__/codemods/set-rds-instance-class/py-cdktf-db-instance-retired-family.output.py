from constructs import Construct
from cdktf import TerraformStack
from cdktf_cdktf_provider_aws.db_instance import DbInstance


class LegacyStack(TerraformStack):
    def __init__(self, scope: Construct, ns: str, env: str):
        super().__init__(scope, ns)
        DbInstance(
            self,
            f"wiki-db-{env}",
            engine="mysql",
            engine_version="8.0.39",
            instance_class="db.t3.micro",
            allocated_storage=20,
        )
