"""The payments database: one Aurora PostgreSQL cluster with a writer and a reader."""
import pulumi_aws as aws


class PaymentsDatabase:
    def __init__(self, environment_suffix: str, subnet_ids, vpc_id: str):
        self.subnet_group = aws.rds.SubnetGroup(
            f"payment-db-subnets-{environment_suffix}",
            subnet_ids=subnet_ids,
            tags={"Environment": environment_suffix},
        )
        self.security_group = aws.ec2.SecurityGroup(
            f"payment-db-sg-{environment_suffix}",
            vpc_id=vpc_id,
            ingress=[aws.ec2.SecurityGroupIngressArgs(
                protocol="tcp", from_port=5432, to_port=5432, cidr_blocks=["10.0.0.0/8"],
            )],
        )
        self.parameters = aws.rds.ClusterParameterGroup(
            f"payment-db-params-{environment_suffix}",
            family="aurora-postgresql15",
            parameters=[aws.rds.ClusterParameterGroupParameterArgs(name="rds.force_ssl", value="1")],
        )
        self.cluster = aws.rds.Cluster(
            f"payment-db-cluster-{environment_suffix}",
            cluster_identifier=f"payment-db-cluster-{environment_suffix}",
            engine="aurora-postgresql",
            engine_version="15.8",  # pinned: minor upgrades go through change review
            database_name="payments",
            master_username="payments_admin",
            manage_master_user_password=True,
            db_subnet_group_name=self.subnet_group.name,
            db_cluster_parameter_group_name=self.parameters.name,
            vpc_security_group_ids=[self.security_group.id],
            storage_encrypted=True,
            skip_final_snapshot=environment_suffix != "prod",
        )
        self.instances = []
        for index in range(2):
            self.instances.append(aws.rds.ClusterInstance(
                f"payment-db-instance-{index}-{environment_suffix}",
                cluster_identifier=self.cluster.id,
                instance_class="db.r6g.large",
                engine=self.cluster.engine,
                engine_version="15.8",
                performance_insights_enabled=True,
            ))
