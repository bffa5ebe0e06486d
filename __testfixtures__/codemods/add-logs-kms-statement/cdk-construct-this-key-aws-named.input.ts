import { aws_apigateway as apigw, aws_kms as kms, aws_logs as logs, RemovalPolicy, Stack } from 'aws-cdk-lib';
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
