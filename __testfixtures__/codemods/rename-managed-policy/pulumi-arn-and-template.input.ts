import * as aws from '@pulumi/aws';

const partition = aws.getPartitionOutput().partition;

const deployRole = new aws.iam.Role('deploy-role', {
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: 'codedeploy.amazonaws.com' }),
  managedPolicyArns: ["arn:aws:iam::aws:policy/AWSCodeDeployRole"],
});

new aws.iam.RolePolicyAttachment('deploy-role-attach', {
  role: deployRole.name,
  policyArn: partition.apply((p) => `arn:${p}:iam::aws:policy/AWSCodeDeployRole`),
});

// Not ours: a customer policy with a similar name.
new aws.iam.RolePolicyAttachment('deploy-role-extra', { role: deployRole.name, policyArn: 'arn:aws:iam::123456789012:policy/AWSCodeDeployRole' });
