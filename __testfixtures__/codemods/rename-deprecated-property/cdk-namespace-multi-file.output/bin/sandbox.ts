import * as cdk from 'aws-cdk-lib';
import { SandboxRegistry } from '../lib/registry';

const app = new cdk.App();
const stack = new cdk.Stack(app, 'Sandbox', { env: { account: '210987654321', region: 'eu-west-1' } });
// autoDeleteImages is set inside the construct.
new SandboxRegistry(stack, 'Registry', ['api', 'worker']);
