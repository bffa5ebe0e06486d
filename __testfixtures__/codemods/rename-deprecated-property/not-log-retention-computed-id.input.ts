import * as cdk from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export class Jobs extends Construct {
  constructor(scope: Construct, id: string, names: string[]) {
    super(scope, id);
    for (const name of names) {
      new lambda.Function(this, `${name}Job`, {
        runtime: lambda.Runtime.NODEJS_20_X,
        handler: `${name}.handler`,
        code: lambda.Code.fromAsset('dist/jobs'),
        timeout: cdk.Duration.minutes(5),
        logRetention: logs.RetentionDays.ONE_WEEK,
      });
    }
  }
}
