from datetime import timezone

import pulumi
import pulumi_aws as aws

deployed_at = datetime.now(timezone.utc).isoformat()

aws.ssm.Parameter("deployed-at", type="String", value=deployed_at)
pulumi.export("deployed_at", deployed_at)
