import * as cdk from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { TapStack } from '../lib/tap-stack';

test('Aurora cluster has a writer and a reader', () => {
  const app = new cdk.App();
  const stack = new TapStack(app, 'TestStack', { environmentSuffix: 'test' });
  const template = Template.fromStack(stack);
  template.resourceCountIs('AWS::RDS::DBCluster', 1);
  template.resourceCountIs('AWS::RDS::DBInstance', 2);
});
