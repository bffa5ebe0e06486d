#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { AuditStack } from '../lib/audit-stack';

const app = new cdk.App();
new AuditStack(app, 'AuditStack', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
