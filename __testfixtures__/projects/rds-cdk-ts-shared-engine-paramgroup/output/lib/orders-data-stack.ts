import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

interface OrdersDataStackProps extends cdk.StackProps {
  stage: string;
  vpc: ec2.IVpc;
}

export class OrdersDataStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: OrdersDataStackProps) {
    super(scope, id, props);
    const { stage, vpc } = props;

    // Cluster and parameter group must agree on the engine: build it once.
    const engine = rds.DatabaseClusterEngine.auroraMysql({
      version: rds.AuroraMysqlEngineVersion.VER_3_08_2,
    });

    const parameterGroup = new rds.ParameterGroup(this, 'OrdersClusterParams', {
      engine,
      description: `Orders cluster parameters (${stage})`,
      parameters: {
        slow_query_log: '1',
        long_query_time: '2',
        binlog_format: 'ROW',
      },
    });

    const cluster = new rds.DatabaseCluster(this, `OrdersCluster-${stage}`, {
      engine,
      parameterGroup,
      writer: rds.ClusterInstance.provisioned('Instance1', {
        instanceType: ec2.InstanceType.of(ec2.InstanceClass.R6G, ec2.InstanceSize.LARGE),
      }),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      defaultDatabaseName: 'orders',
      backup: { retention: cdk.Duration.days(stage === 'prod' ? 14 : 3) },
      cloudwatchLogsExports: ['error', 'slowquery'],
    });

    new cdk.CfnOutput(this, 'OrdersClusterEndpoint', { value: cluster.clusterEndpoint.socketAddress });
  }
}
