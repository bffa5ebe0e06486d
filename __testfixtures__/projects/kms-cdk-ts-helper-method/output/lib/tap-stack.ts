import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface TapStackProps extends cdk.StackProps {
  environmentSuffix?: string;
}

/**
 * Order intake: an API handler that writes to a queue, an archive bucket for processed
 * orders, and customer managed keys for the data and for the service's logs.
 */
export class TapStack extends cdk.Stack {
  private readonly environmentSuffix: string;
  private dataKey!: kms.Key;
  private logsKey!: kms.Key;

  constructor(scope: Construct, id: string, props?: TapStackProps) {
    super(scope, id, props);
    this.environmentSuffix = props?.environmentSuffix ?? 'dev';

    this.createEncryptionKeys();
    const queue = this.createOrderQueue();
    this.createOrderHandler(queue);
    this.createArchive();
  }

  private createEncryptionKeys(): void {
    // One key for data at rest, one for the service's log groups.
    this.dataKey = this.createKmsKey('Data', 'Encrypts the order queue and archive');
    this.logsKey = this.createKmsKey('Logs', 'Encrypts the order service log groups');
    this.logsKey.addToResourcePolicy(new iam.PolicyStatement({
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
  }

  private createKmsKey(purpose: string, description: string): kms.Key {
    return new kms.Key(this, `${purpose}Key`, {
      alias: `alias/orders-${purpose.toLowerCase()}-${this.environmentSuffix}`,
      description,
      enableKeyRotation: true,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });
  }

  private createOrderQueue(): sqs.Queue {
    const deadLetters = new sqs.Queue(this, 'OrderDeadLetters', {
      queueName: `order-intake-dlq-${this.environmentSuffix}`,
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: this.dataKey,
      retentionPeriod: cdk.Duration.days(14),
    });
    return new sqs.Queue(this, 'OrderQueue', {
      queueName: `order-intake-${this.environmentSuffix}`,
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: this.dataKey,
      visibilityTimeout: cdk.Duration.seconds(60),
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 },
    });
  }

  private createOrderHandler(queue: sqs.Queue): void {
    const logGroup = new logs.LogGroup(this, `OrderHandlerLogs${this.environmentSuffix}`, {
      logGroupName: `/aws/lambda/order-handler-${this.environmentSuffix}`,
      encryptionKey: this.logsKey,
      retention: logs.RetentionDays.TWO_WEEKS,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });

    const handler = new lambda.Function(this, 'OrderHandler', {
      functionName: `order-handler-${this.environmentSuffix}`,
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('lambda/order-handler'),
      memorySize: 512,
      timeout: cdk.Duration.seconds(30),
      logGroup,
      environment: { QUEUE_URL: queue.queueUrl },
    });
    queue.grantSendMessages(handler);
  }

  private createArchive(): void {
    new s3.Bucket(this, 'OrderArchive', {
      bucketName: `order-archive-${this.environmentSuffix}-${this.account}`,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.dataKey,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
  }
}
