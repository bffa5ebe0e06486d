import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

export class InventoryStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: cdk.StackProps & { suffix: string }) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2 });
    new ec2.Instance(this, 'Bastion', {
      vpc,
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.SMALL),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
    });
    const dbInstanceType = ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.SMALL);
    new rds.DatabaseCluster(this, `InventoryCluster-${props.suffix}`, {
      engine: rds.DatabaseClusterEngine.auroraMysql({ version: rds.AuroraMysqlEngineVersion.VER_3_04_0 }),
      writer: rds.ClusterInstance.provisioned('writer', { instanceType: dbInstanceType }),
      readers: [rds.ClusterInstance.provisioned('reader1', { instanceType: dbInstanceType })],
      vpc,
    });
  }
}
