from aws_cdk import RemovalPolicy, Stack
from aws_cdk.aws_ec2 import InstanceType, IVpc, SubnetSelection, SubnetType
from aws_cdk.aws_rds import Credentials, DatabaseInstance, DatabaseInstanceEngine, MysqlEngineVersion
from constructs import Construct


class WikiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, vpc: IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.database = DatabaseInstance(
            self, "WikiDb",
            engine=DatabaseInstanceEngine.mysql(version=MysqlEngineVersion.VER_8_0_39),
            instance_type=InstanceType('t2.micro'),  # free tier, from the 2019 template
            credentials=Credentials.from_generated_secret('wiki'),
            vpc=vpc,
            vpc_subnets=SubnetSelection(subnet_type=SubnetType.PRIVATE_ISOLATED),
            removal_policy=RemovalPolicy.SNAPSHOT,
        )
