import pulumi
from pulumi_aws import ec2, rds

stack = pulumi.get_stack()


def payments_database(vpc: ec2.Vpc, subnet_ids: list[str]) -> rds.Instance:
	"""The payments PostgreSQL instance, named <stack>-payments-db."""
	pg_version = "15.4"
	security_group = ec2.SecurityGroup(f"{stack}-payments-db-sg", vpc_id=vpc.id)
	subnets = rds.SubnetGroup(f"{stack}-payments-db-subnets", subnet_ids=subnet_ids)
	return rds.Instance(
		f"{stack}-payments-db",
		args=rds.InstanceArgs(
			engine="postgres",
			engine_version=pg_version,
			instance_class="db.t4g.micro",
			allocated_storage=20,
			db_subnet_group_name=subnets.name,
			vpc_security_group_ids=[security_group.id],
			username="payments",
			manage_master_user_password=True,
		),
	)
