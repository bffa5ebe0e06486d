import * as pulumi from '@pulumi/pulumi';
import { TapStack } from '../lib/tap-stack';

const config = new pulumi.Config();

// CI sets ENVIRONMENT_SUFFIX to the PR number; locally the stack config decides.
const environmentSuffix = process.env.ENVIRONMENT_SUFFIX || config.get('env') || 'dev';

const stack = new TapStack('pulumi-infra', {
  environmentSuffix,
  tags: {
    Environment: environmentSuffix,
    Repository: process.env.REPOSITORY || 'unknown',
  },
});

export const auditLogGroupName = stack.auditLogGroupName;
export const logsKeyArn = stack.logsKeyArn;
