#!/usr/bin/env node
import 'source-map-support/register';
import * as cdk from 'aws-cdk-lib';
import { PaymentsStack } from '../lib/payments-stack';

const app = new cdk.App();
const environmentSuffix = process.env.ENVIRONMENT_SUFFIX || 'dev';

new PaymentsStack(app, `PaymentsStack-${environmentSuffix}`, {
  environmentSuffix,
  serviceName: 'payments-api',
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: 'eu-west-1' },
});
