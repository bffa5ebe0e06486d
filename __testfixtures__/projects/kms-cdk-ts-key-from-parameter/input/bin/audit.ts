import * as cdk from 'aws-cdk-lib';
import { AuditTrailStack } from '../lib/audit-trail-stack';

const app = new cdk.App();
new AuditTrailStack(app, 'AuditTrail', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
