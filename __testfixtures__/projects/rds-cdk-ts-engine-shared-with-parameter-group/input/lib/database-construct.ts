import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

export interface DatabaseConstructProps {
  environmentSuffix: string;
  vpc: ec2.IVpc;
}

export class DatabaseConstruct extends Construct {
  public readonly cluster: rds.DatabaseCluster;

  constructor(scope: Construct, id: string, props: DatabaseConstructProps) {
    super(scope, id);

    // One engine definition for the cluster and its parameter group.
    const engine = rds.DatabaseClusterEngine.auroraPostgres({
      version: rds.AuroraPostgresEngineVersion.VER_15_4,
    });

    const parameterGroup = new rds.ParameterGroup(this, 'ClusterParameters', {
      engine,
      description: `TAP Aurora PostgreSQL parameters (${props.environmentSuffix})`,
      parameters: {
        'rds.force_ssl': '1',
        log_min_duration_statement: '1000',
        shared_preload_libraries: 'pg_stat_statements',
      },
    });

    const securityGroup = new ec2.SecurityGroup(this, 'DbSecurityGroup', {
      vpc: props.vpc,
      description: 'Aurora PostgreSQL access from the app subnets',
      allowAllOutbound: false,
    });
    securityGroup.addIngressRule(
      ec2.Peer.ipv4(props.vpc.vpcCidrBlock),
      ec2.Port.tcp(5432),
      'PostgreSQL from inside the VPC'
    );

    this.cluster = new rds.DatabaseCluster(this, 'AuroraCluster', {
      engine,
      parameterGroup,
      clusterIdentifier: `tap-aurora-${props.environmentSuffix}`,
      defaultDatabaseName: 'tap',
      credentials: rds.Credentials.fromGeneratedSecret('tapadmin', {
        secretName: `tap/aurora/${props.environmentSuffix}`,
      }),
      writer: rds.ClusterInstance.serverlessV2('writer'),
      readers: [rds.ClusterInstance.serverlessV2('reader', { scaleWithWriter: true })],
      serverlessV2MinCapacity: 0.5,
      serverlessV2MaxCapacity: 4,
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      securityGroups: [securityGroup],
      storageEncrypted: true,
      backup: { retention: cdk.Duration.days(7), preferredWindow: '03:00-04:00' },
      cloudwatchLogsExports: ['postgresql'],
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });
  }
}
