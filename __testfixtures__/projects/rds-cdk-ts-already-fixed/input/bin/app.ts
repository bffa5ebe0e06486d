import * as cdk from 'aws-cdk-lib';
import { ReportingStack } from '../lib/reporting-stack';

const app = new cdk.App();
const suffix = process.env.ENVIRONMENT_SUFFIX ?? 'dev';
new ReportingStack(app, `Reporting-${suffix}`, { suffix });
