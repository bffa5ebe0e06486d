import * as cdk from 'aws-cdk-lib';
import { aws_apigateway as apigw, aws_kms as kms, aws_lambda as lambda, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';

interface TapStackProps extends cdk.StackProps {
  environmentSuffix?: string;
}

export class TapStack extends cdk.Stack {
  /** Audit trail key: separate so the compliance team can rotate and revoke it alone. */
  public readonly auditKey: kms.Key;

  constructor(scope: Construct, id: string, props?: TapStackProps) {
    super(scope, id, props);
    const environmentSuffix = props?.environmentSuffix || 'dev';

    const apiKey = new kms.Key(this, `ApiLogsKey${environmentSuffix}`, {
      description: 'API access logs',
      enableKeyRotation: true,
    });
    this.auditKey = new kms.Key(this, `AuditLogsKey${environmentSuffix}`, {
      description: 'Audit trail logs',
      enableKeyRotation: true,
      removalPolicy: cdk.RemovalPolicy.RETAIN,
    });

    const accessLogs = new logs.LogGroup(this, `ApiAccessLogs${environmentSuffix}`, {
      logGroupName: `/aws/apigateway/quotes-api-${environmentSuffix}`,
      encryptionKey: apiKey,
      retention: logs.RetentionDays.ONE_MONTH,
    });
    new logs.LogGroup(this, `AuditLogs${environmentSuffix}`, {
      logGroupName: `/quotes/audit-${environmentSuffix}`,
      encryptionKey: this.auditKey,
      retention: logs.RetentionDays.TEN_YEARS,
    });

    const handler = new lambda.Function(this, 'QuotesHandler', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('lambda/quotes'),
    });

    new apigw.LambdaRestApi(this, 'QuotesApi', {
      handler,
      restApiName: `quotes-api-${environmentSuffix}`,
      deployOptions: {
        accessLogDestination: new apigw.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigw.AccessLogFormat.jsonWithStandardFields(),
      },
    });
  }
}
