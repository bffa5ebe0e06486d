import { Stack, StackProps } from 'aws-cdk-lib';
import {
  SubnetType,
  Vpc,
} from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

export interface SandboxNetworkProps extends StackProps {
  readonly cidrBlock: string;
}

export class SandboxNetwork extends Stack {
  constructor(scope: Construct, id: string, props: SandboxNetworkProps) {
    super(scope, id, props);
    new Vpc(this, 'Vpc', {
      cidr: props.cidrBlock,
      subnetConfiguration: [{ name: 'isolated', subnetType: SubnetType.PRIVATE_ISOLATED }],
    });
  }
}
