import pulumi
import pulumi_aws as aws

stage = pulumi.get_stack()
PG_VERSION = "15.4"

aws.rds.Instance(f"orders-db-{stage}", engine="postgres", engine_version=PG_VERSION, instance_class="db.t4g.micro", allocated_storage=20)
aws.rds.Instance(f"billing-db-{stage}", engine="postgres", engine_version=PG_VERSION, instance_class="db.t4g.micro", allocated_storage=20)
