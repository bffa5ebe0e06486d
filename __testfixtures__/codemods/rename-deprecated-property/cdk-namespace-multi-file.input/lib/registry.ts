import * as cdk from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** One ECR repository per service, wiped with the sandbox account. */
export class SandboxRegistry extends Construct {
  constructor(scope: Construct, id: string, services: string[]) {
    super(scope, id);
    for (const service of services) {
      new cdk.aws_ecr.Repository(this, `${service}Repo`, {
        repositoryName: `sandbox/${service}`,
        removalPolicy: cdk.RemovalPolicy.DESTROY,
        autoDeleteImages: true,
      });
    }
  }
}
