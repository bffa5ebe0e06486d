#!/usr/bin/env node
import { App } from 'cdktf';
import { TapStack } from '../lib/tap-stack';

const app = new App();

const environmentSuffix = process.env.ENVIRONMENT_SUFFIX || 'dev';
const stackName = `TapStack${environmentSuffix}`;

new TapStack(app, stackName, {
  environmentSuffix,
  stateBucket: process.env.TERRAFORM_STATE_BUCKET || 'iac-tap-tf-states',
  stateBucketRegion: process.env.TERRAFORM_STATE_BUCKET_REGION || 'us-east-1',
  awsRegion: process.env.AWS_REGION || 'us-east-1',
  defaultTags: {
    tags: {
      Environment: environmentSuffix,
      Repository: process.env.REPOSITORY || 'unknown',
    },
  },
});

app.synth();
