import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { sharedEnvironment } from './shared-env';

export function handler(scope: Construct, code: lambda.Code) {
  return new lambda.Function(scope, 'Handler', {
    runtime: lambda.Runtime.PYTHON_3_12,
    handler: 'app.main',
    code,
    environment: { ...sharedEnvironment, TABLE: 'orders' },
  });
}
