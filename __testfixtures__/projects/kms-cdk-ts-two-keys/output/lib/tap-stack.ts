import * as cdk from 'aws-cdk-lib';
import { aws_apigateway as apigw, aws_iam as iam, aws_kms as kms, aws_lambda as lambda, aws_logs as logs } from 'aws-cdk-lib';
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
    apiKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsUseOfTheKey',
      principals: [new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
      actions: [
        'kms:Encrypt*',
        'kms:Decrypt*',
        'kms:ReEncrypt*',
        'kms:GenerateDataKey*',
        'kms:CreateGrant',
        'kms:Describe*',
      ],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${this.region}:${this.account}:log-group:*`,
        },
      },
    }));
    this.auditKey = new kms.Key(this, `AuditLogsKey${environmentSuffix}`, {
      description: 'Audit trail logs',
      enableKeyRotation: true,
      removalPolicy: cdk.RemovalPolicy.RETAIN,
    });
    this.auditKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsUseOfTheKey',
      principals: [new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
      actions: [
        'kms:Encrypt*',
        'kms:Decrypt*',
        'kms:ReEncrypt*',
        'kms:GenerateDataKey*',
        'kms:CreateGrant',
        'kms:Describe*',
      ],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${this.region}:${this.account}:log-group:*`,
        },
      },
    }));

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
