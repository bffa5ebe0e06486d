import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import type { Construct } from 'constructs';

interface AnalyticsProps extends StackProps {
  readonly vpc: ec2.IVpc;
}

export class AnalyticsStack extends Stack {
  constructor(scope: Construct, id: string, props: AnalyticsProps) {
    super(scope, id, props);

    const warehouse = new rds.DatabaseCluster(this, 'Warehouse', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({
        version: rds.AuroraPostgresEngineVersion.VER_16_2,
      }),
      writer: rds.ClusterInstance.serverlessV2('writer'),
      readers: [rds.ClusterInstance.serverlessV2('reader', { scaleWithWriter: true })],
      serverlessV2MinCapacity: 0.5,
      serverlessV2MaxCapacity: 16,
      backup: { retention: Duration.days(14) },
      vpc: props.vpc,
    });

    // Legacy reporting store, migrated next quarter.
    new rds.DatabaseInstance(this, 'LegacyReports', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16_2 }),
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MICRO),
      vpc: props.vpc,
    });

    warehouse.connections.allowDefaultPortInternally();
  }
}
