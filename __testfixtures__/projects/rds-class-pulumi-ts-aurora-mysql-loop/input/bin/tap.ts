import * as pulumi from '@pulumi/pulumi';
import { TapStack } from '../lib/tap-stack';

const config = new pulumi.Config();
const environmentSuffix = process.env.ENVIRONMENT_SUFFIX || config.get('env') || 'dev';

const stack = new TapStack('pulumi-infra', { environmentSuffix });

export const clusterEndpoint = stack.clusterEndpoint;
