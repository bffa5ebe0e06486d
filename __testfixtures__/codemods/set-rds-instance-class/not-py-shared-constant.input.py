import pulumi_aws as aws

DB_CLASS = "db.t3.small"

orders = aws.rds.Cluster("orders", engine="aurora-mysql", engine_version="8.0.mysql_aurora.3.04.0", master_username="orders", manage_master_user_password=True)
for i, role in enumerate(["writer", "reader"]):
    aws.rds.ClusterInstance(f"orders-{role}", cluster_identifier=orders.id, engine=orders.engine, instance_class=DB_CLASS, promotion_tier=i)

aws.rds.Instance("orders-audit", engine="mysql", engine_version="8.0.39", instance_class=DB_CLASS, allocated_storage=20, username="audit", manage_master_user_password=True)
