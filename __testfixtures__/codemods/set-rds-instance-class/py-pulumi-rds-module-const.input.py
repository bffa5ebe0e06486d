import pulumi
from pulumi_aws import ec2, rds

env = pulumi.get_stack()
WRITER_CLASS = 'db.t3.micro'

sg = ec2.SecurityGroup(f'{env}-ledger-db', description='ledger database')

ledger = rds.Cluster(
    f'{env}-ledger',
    engine='aurora-postgresql',
    engine_version='15.8',
    master_username='ledger',
    manage_master_user_password=True,
    vpc_security_group_ids=[sg.id],
    skip_final_snapshot=env != 'prod',
)

rds.ClusterInstance(
    f'{env}-ledger-writer',
    cluster_identifier=ledger.id,
    engine=ledger.engine,
    instance_class=WRITER_CLASS,
)
rds.ClusterInstance(
    f'{env}-ledger-reader',
    cluster_identifier=ledger.id,
    engine=ledger.engine,
    instance_class='db.r6g.large',
)
