import { Stack } from 'aws-cdk-lib';
import { Instance, InstanceType, MachineImage, type IVpc } from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';

export class WorkerHost extends Stack {
  constructor(scope: Construct, id: string, vpc: IVpc) {
    super(scope, id);
    const image = MachineImage.latestAmazonLinux({ cachedInContext: true });
    new Instance(this, 'Host', { vpc, instanceType: new InstanceType('t3.small'), machineImage: image });
  }
}
