import * as cdk from 'aws-cdk-lib';
import { InstanceType, IVpc, SubnetType } from 'aws-cdk-lib/aws-ec2';
import { AuroraMysqlEngineVersion, DatabaseCluster, DatabaseClusterEngine } from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

export interface LegacyDbProps {
  vpc: IVpc;
}

/** Pre-2.82 style cluster (instanceProps); migration to writer/readers is tracked in INFRA-412. */
export class LegacyDb extends Construct {
  readonly cluster: DatabaseCluster;

  constructor(scope: Construct, id: string, props: LegacyDbProps) {
    super(scope, id);
    const instanceType = new InstanceType('t3.small');
    this.cluster = new DatabaseCluster(this, 'Cluster', {
      engine: DatabaseClusterEngine.auroraMysql({ version: AuroraMysqlEngineVersion.VER_3_04_0 }),
      instances: 1,
      instanceProps: {
        instanceType,
        vpc: props.vpc,
        vpcSubnets: { subnetType: SubnetType.PRIVATE_ISOLATED },
      },
      removalPolicy: cdk.RemovalPolicy.SNAPSHOT,
    });
  }
}
