import { App, Stack, aws_ec2 as ec2, aws_ecs as ecs } from 'aws-cdk-lib';

const app = new App();
const stack = new Stack(app, 'BatchWorkers', { env: { account: '123456789012', region: 'eu-west-1' } });
const vpc = ec2.Vpc.fromLookup(stack, 'Vpc', { vpcName: 'shared' });

const clusterProps: ecs.ClusterProps = { vpc, containerInsights: false };
new ecs.Cluster(stack, 'Workers', clusterProps);
