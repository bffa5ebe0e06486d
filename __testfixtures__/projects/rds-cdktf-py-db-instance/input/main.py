#!/usr/bin/env python
from constructs import Construct
from cdktf import App, TerraformOutput, TerraformStack
from cdktf_cdktf_provider_aws.provider import AwsProvider
from cdktf_cdktf_provider_aws.db_instance import DbInstance
from cdktf_cdktf_provider_aws.db_subnet_group import DbSubnetGroup


class OrdersStack(TerraformStack):
    def __init__(self, scope: Construct, id: str, environment: str):
        super().__init__(scope, id)
        AwsProvider(self, "aws", region="eu-west-2")

        subnets = DbSubnetGroup(
            self,
            f"orders-subnets-{environment}",
            name=f"orders-{environment}",
            subnet_ids=["subnet-0aa11bb22cc33dd44", "subnet-0ee55ff66aa77bb88"],
        )

        orders_db = DbInstance(
            self,
            f"orders-db-{environment}",
            identifier=f"orders-{environment}",
            engine="postgres",
            engine_version="16.1",
            instance_class="db.t4g.small",
            allocated_storage=50,
            db_subnet_group_name=subnets.name,
            username="orders",
            manage_master_user_password=True,
            skip_final_snapshot=environment != "prod",
        )

        # Audit trail: MySQL, owned by the compliance team.
        DbInstance(
            self,
            f"audit-db-{environment}",
            identifier=f"audit-{environment}",
            engine="mysql",
            engine_version="8.0.39",
            instance_class="db.t4g.micro",
            allocated_storage=20,
            db_subnet_group_name=subnets.name,
            username="audit",
            manage_master_user_password=True,
            skip_final_snapshot=True,
        )

        TerraformOutput(self, "orders_endpoint", value=orders_db.endpoint)


app = App()
OrdersStack(app, "orders-staging", environment="staging")
app.synth()
