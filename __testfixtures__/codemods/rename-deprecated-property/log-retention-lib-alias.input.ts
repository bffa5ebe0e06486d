import { Stack, type StackProps, aws_lambda as lambda } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

export interface WorkerStackProps extends StackProps {
  readonly retention: RetentionDays;
}

export class WorkerStack extends Stack {
  constructor(scope: Construct, id: string, props: WorkerStackProps) {
    super(scope, id, props);
    new lambda.Function(this, 'Worker', {
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'worker.main',
      code: lambda.Code.fromAsset('worker'),
      logRetention: props.retention,
    });
  }
}
