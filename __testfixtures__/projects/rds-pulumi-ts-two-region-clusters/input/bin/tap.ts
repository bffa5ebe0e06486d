import * as pulumi from '@pulumi/pulumi';
import { TapStack } from '../lib/tap-stack';

const config = new pulumi.Config();
const environmentSuffix = process.env.ENVIRONMENT_SUFFIX || config.get('environmentSuffix') || 'dev';

const stack = new TapStack('pulumi-infra', {
  environmentSuffix,
  primaryRegion: 'us-east-1',
  secondaryRegion: 'us-west-2',
  tags: { Environment: environmentSuffix, Project: 'tap' },
});

export const primaryEndpoint = stack.primaryEndpoint;
export const secondaryEndpoint = stack.secondaryEndpoint;
