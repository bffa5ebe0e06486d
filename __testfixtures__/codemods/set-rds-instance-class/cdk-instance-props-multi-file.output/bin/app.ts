import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { LegacyDb } from '../lib/legacy-db';

const app = new cdk.App();
const stack = new cdk.Stack(app, 'Legacy', { env: { account: '444455556666', region: 'us-east-2' } });
const vpc = ec2.Vpc.fromLookup(stack, 'Vpc', { isDefault: false, vpcName: 'legacy' });
new ec2.Instance(stack, 'Worker', {
  vpc,
  instanceType: new ec2.InstanceType('t3.small'),
  machineImage: ec2.MachineImage.latestAmazonLinux2023(),
});
new LegacyDb(stack, 'Legacy', { vpc });
