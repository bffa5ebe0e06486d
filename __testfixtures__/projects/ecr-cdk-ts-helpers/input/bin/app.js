#!/usr/bin/env node
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const cdk = require("aws-cdk-lib");
const registry_stack_1 = require("../lib/registry-stack");
const app = new cdk.App();
const environmentSuffix = app.node.tryGetContext('environmentSuffix') ?? 'dev';
new registry_stack_1.RegistryStack(app, `RegistryStack-${environmentSuffix}`, { environmentSuffix });
