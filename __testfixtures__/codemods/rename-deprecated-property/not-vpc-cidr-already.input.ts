import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

export class EdgeNetwork extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const vpc = new ec2.Vpc(this, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16') });
    // A subnet's own CIDR is not the deprecated VpcProps#cidr.
    new ec2.Subnet(this, 'Extra', { vpcId: vpc.vpcId, availabilityZone: 'eu-west-1a', cidrBlock: '10.0.200.0/24' });
  }
}
