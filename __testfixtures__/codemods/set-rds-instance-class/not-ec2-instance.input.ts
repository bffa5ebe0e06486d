import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

export class ToolsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, vpc: ec2.IVpc) {
    super(scope, id);
    const small = ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.SMALL);
    new ec2.Instance(this, 'Runner', { vpc, instanceType: small, machineImage: ec2.MachineImage.latestAmazonLinux2023() });
    new ec2.LaunchTemplate(this, 'Spot', { instanceType: new ec2.InstanceType('t3.small') });
  }
}
