import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

// 'ConfigRole' as a construct id or role name is not the policy.
export function recorderRole(scope: Construct) {
  return new iam.Role(scope, 'ConfigRole', {
    roleName: 'service-role/ConfigRole',
    assumedBy: new iam.ServicePrincipal('config.amazonaws.com'),
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWS_ConfigRole')],
  });
}
