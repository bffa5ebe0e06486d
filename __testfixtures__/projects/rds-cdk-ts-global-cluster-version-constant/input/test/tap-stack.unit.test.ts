import * as cdk from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { TapStack } from '../lib/tap-stack';

test('global cluster and primary share the engine version', () => {
  const app = new cdk.App();
  const stack = new TapStack(app, 'TestStack', {
    environmentSuffix: 'test',
    env: { account: '123456789012', region: 'us-east-1' },
  });
  const template = Template.fromStack(stack);
  const globals = template.findResources('AWS::RDS::GlobalCluster');
  const clusters = template.findResources('AWS::RDS::DBCluster');
  const g = Object.values(globals)[0] as any;
  const c = Object.values(clusters)[0] as any;
  expect(c.Properties.EngineVersion).toEqual(g.Properties.EngineVersion);
});
