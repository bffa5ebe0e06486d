import * as cdk from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';

// Containers may set AWS_REGION: only Lambda reserves it.
export class WorkerService extends Construct {
  constructor(scope: Construct, id: string, taskDefinition: ecs.FargateTaskDefinition) {
    super(scope, id);
    taskDefinition.addContainer('worker', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:latest'),
      environment: { AWS_REGION: cdk.Stack.of(this).region },
    });
  }
}
