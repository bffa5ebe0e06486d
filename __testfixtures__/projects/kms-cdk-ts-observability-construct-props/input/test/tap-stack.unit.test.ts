import * as cdk from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { TapStack } from '../lib/tap-stack';

describe('TapStack', () => {
  const app = new cdk.App();
  const stack = new TapStack(app, 'TestTapStack', { environmentSuffix: 'test' });
  const template = Template.fromStack(stack);

  test('creates two customer managed keys with rotation', () => {
    template.resourceCountIs('AWS::KMS::Key', 2);
    template.allResourcesProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  test('log groups are encrypted', () => {
    template.resourceCountIs('AWS::Logs::LogGroup', 2);
  });
});
