import { Duration, RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import { AccountRootPrincipal, PolicyDocument, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Stream, StreamEncryption } from 'aws-cdk-lib/aws-kinesis';
import { Code, Function, Runtime, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { KinesisEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

interface IngestStackProps extends StackProps {
  environmentSuffix: string;
}

export class IngestStack extends Stack {
  constructor(scope: Construct, id: string, props: IngestStackProps) {
    super(scope, id, props);
    const suffix = props.environmentSuffix;

    const ingestKey = new Key(this, 'IngestKey', {
      description: `Clickstream ingest (${suffix})`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      policy: new PolicyDocument({
        statements: [
          new PolicyStatement({
            sid: 'AccountAdmin',
            principals: [new AccountRootPrincipal()],
            actions: ['kms:*'],
            resources: ['*'],
          }),
          // Lets CloudWatch Logs write the processor's logs.
          new PolicyStatement({
            sid: 'CloudWatchLogs',
            principals: [new ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
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
          }),
        ],
      }),
    });

    const stream = new Stream(this, 'Clickstream', {
      streamName: `clickstream-${suffix}`,
      encryption: StreamEncryption.KMS,
      encryptionKey: ingestKey,
      retentionPeriod: Duration.hours(48),
    });

    const processorLogs = new LogGroup(this, 'ProcessorLogs', {
      logGroupName: `/aws/lambda/clickstream-processor-${suffix}`,
      encryptionKey: ingestKey,
      retention: RetentionDays.ONE_WEEK,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const processor = new Function(this, 'Processor', {
      functionName: `clickstream-processor-${suffix}`,
      runtime: Runtime.PYTHON_3_12,
      handler: 'app.handler',
      code: Code.fromAsset('processor'),
      logGroup: processorLogs,
    });
    processor.addEventSource(new KinesisEventSource(stream, { startingPosition: StartingPosition.LATEST, batchSize: 200 }));
  }
}
