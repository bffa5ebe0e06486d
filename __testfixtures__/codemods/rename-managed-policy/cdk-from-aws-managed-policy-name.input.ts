import * as cdk from 'aws-cdk-lib';
import * as config from 'aws-cdk-lib/aws-config';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export class ComplianceStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const role = new iam.Role(this, 'RecorderRole', {
      assumedBy: new iam.ServicePrincipal('config.amazonaws.com'),
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/ConfigRole'),
        iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess'),
      ],
    });
    new config.CfnConfigurationRecorder(this, 'Recorder', { roleArn: role.roleArn, recordingGroup: { allSupported: true } });
  }
}
