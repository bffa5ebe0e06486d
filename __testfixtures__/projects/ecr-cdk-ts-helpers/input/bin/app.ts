#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { RegistryStack } from '../lib/registry-stack';

const app = new cdk.App();
const environmentSuffix = app.node.tryGetContext('environmentSuffix') ?? 'dev';
new RegistryStack(app, `RegistryStack-${environmentSuffix}`, { environmentSuffix });
