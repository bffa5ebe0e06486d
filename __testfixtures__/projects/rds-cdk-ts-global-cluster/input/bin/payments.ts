#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { PaymentsDataStack } from '../lib/payments-data-stack';

const app = new cdk.App();
const environmentSuffix = app.node.tryGetContext('environmentSuffix') ?? 'dev';

new PaymentsDataStack(app, `PaymentsData-${environmentSuffix}`, {
  environmentSuffix,
  env: { account: '123456789012', region: 'us-east-1' },
});
