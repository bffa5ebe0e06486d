#!/usr/bin/env node
import { App } from 'cdktf';
import { TapStack } from '../lib/tap-stack';

const app = new App();

const environmentSuffix = process.env.ENVIRONMENT_SUFFIX || 'dev';
const stateBucket = process.env.TERRAFORM_STATE_BUCKET || 'iac-tap-tf-states';
const awsRegion = process.env.AWS_REGION || 'us-east-1';
const stackName = `TapStack${environmentSuffix}`;

new TapStack(app, stackName, {
  environmentSuffix,
  stateBucket,
  stateBucketRegion: 'us-east-1',
  awsRegion,
  defaultTags: {
    tags: {
      Environment: environmentSuffix,
      Repository: process.env.REPOSITORY || 'unknown',
    },
  },
});

app.synth();
