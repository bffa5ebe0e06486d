#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { DatabaseStack } from '../lib/database-stack';

const app = new cdk.App();
new DatabaseStack(app, 'Analytics-Database', {
  env: { account: '111122223333', region: 'eu-central-1' },
});
