#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { NetworkStack } from '../lib/network-stack';
import { OrdersDataStack } from '../lib/orders-data-stack';

const app = new cdk.App();
const stage: string = app.node.tryGetContext('stage');
const env = { account: '111122223333', region: 'eu-central-1' };

const network = new NetworkStack(app, `OrdersNetwork-${stage}`, { env });
new OrdersDataStack(app, `OrdersData-${stage}`, { env, stage, vpc: network.vpc });
