#!/usr/bin/env node
import 'source-map-support/register';
import * as cdk from 'aws-cdk-lib';
import { Tags } from 'aws-cdk-lib';
import { TapStack } from '../lib/tap-stack';

const app = new cdk.App();

// The suffix keeps parallel deployments (PR previews, personal stacks) apart.
const environmentSuffix =
  app.node.tryGetContext('environmentSuffix') || process.env.ENVIRONMENT_SUFFIX || 'dev';
const stackName = `TapStack${environmentSuffix}`;

Tags.of(app).add('Environment', environmentSuffix);
Tags.of(app).add('Repository', process.env.REPOSITORY || 'unknown');
Tags.of(app).add('Author', process.env.COMMIT_AUTHOR || 'unknown');

new TapStack(app, stackName, {
  stackName,
  environmentSuffix,
  env: {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: process.env.CDK_DEFAULT_REGION,
  },
});
