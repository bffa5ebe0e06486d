import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

export class TwoClustersStack extends cdk.Stack {
  constructor(scope: Construct, id: string, vpc: ec2.IVpc) {
    super(scope, id);
    const small = ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.SMALL);
    const engine = rds.DatabaseClusterEngine.auroraMysql({ version: rds.AuroraMysqlEngineVersion.VER_3_04_0 });
    new rds.DatabaseCluster(this, 'Orders', { engine, writer: rds.ClusterInstance.provisioned('writer', { instanceType: small }), vpc });
    new rds.DatabaseCluster(this, 'Billing', { engine, writer: rds.ClusterInstance.provisioned('writer', { instanceType: small }), vpc });
  }
}
