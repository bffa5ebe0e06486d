import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

export function pipelineRole(scope: Construct) {
  return new iam.Role(scope, 'PipelineRole', {
    assumedBy: new iam.ServicePrincipal('codepipeline.amazonaws.com'),
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AWSCodePipelineServiceRole')],
  });
}
