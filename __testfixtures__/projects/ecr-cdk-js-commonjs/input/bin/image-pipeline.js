#!/usr/bin/env node
const cdk = require('aws-cdk-lib');
const { ImageRegistryStack } = require('../lib/image-registry-stack');
const { SandboxStack } = require('../lib/sandbox-stack');

const app = new cdk.App();
const suffix = process.env.ENVIRONMENT_SUFFIX || 'dev';
new ImageRegistryStack(app, `ImageRegistry-${suffix}`, { suffix });
new SandboxStack(app, `Sandbox-${suffix}`, { suffix });
