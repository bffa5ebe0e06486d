#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { SecurityStack } from '../lib/security-stack';
import { WorkloadStack } from '../lib/workload-stack';

const app = new cdk.App();
const stage = app.node.tryGetContext('stage') ?? 'staging';
const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };

const security = new SecurityStack(app, `InventorySecurity-${stage}`, { env, stage });
const workload = new WorkloadStack(app, `InventoryWorkload-${stage}`, {
  env,
  stage,
  logsKey: security.logsKey,
  backupKey: security.backupKey,
});
workload.addDependency(security);
