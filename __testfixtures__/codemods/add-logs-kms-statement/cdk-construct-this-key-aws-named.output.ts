import { aws_apigateway as apigw, aws_iam as iam, aws_kms as kms, aws_logs as logs, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface ApiProps {
  readonly stage: string;
}

/** Public REST API with encrypted access logs. */
export class Api extends Construct {
  public readonly key: kms.Key;
  public readonly restApi: apigw.RestApi;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);

    this.key = new kms.Key(this, 'AccessLogsKey', {
      alias: `alias/orders-api-${props.stage}`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    }); // rotated yearly
    this.key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsUseOfTheKey',
      principals: [new iam.ServicePrincipal(`logs.${Stack.of(this).region}.amazonaws.com`)],
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
          'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${Stack.of(this).region}:${Stack.of(this).account}:log-group:*`,
        },
      },
    }));

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      encryptionKey: this.key,
      retention: logs.RetentionDays.THREE_MONTHS,
    });

    this.restApi = new apigw.RestApi(this, 'RestApi', {
      restApiName: `orders-${props.stage}`,
      deployOptions: {
        stageName: props.stage,
        accessLogDestination: new apigw.LogGroupLogDestination(accessLogs),
      },
    });
    Stack.of(this).exportValue(this.restApi.url);
  }
}
