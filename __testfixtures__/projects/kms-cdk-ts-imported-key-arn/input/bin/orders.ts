#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { OrdersServiceStack } from '../lib/orders-service-stack';

const app = new cdk.App();
const stage = app.node.tryGetContext('stage') ?? 'dev';

new OrdersServiceStack(app, `OrdersService-${stage}`, {
  stage,
  sharedLogsKeyArn: app.node.tryGetContext('sharedLogsKeyArn'),
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: 'eu-central-1' },
});
