import { Stack, StackProps } from 'aws-cdk-lib';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';

export class IngestStack extends Stack {
  readonly ingest: NodejsFunction;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    this.ingest = new NodejsFunction(this, 'Ingest', { entry: 'src/ingest.ts', runtime: Runtime.NODEJS_20_X, environment: {} });
    this.ingest.addEnvironment('QUEUE_URL', 'https://sqs.eu-west-1.amazonaws.com/123456789012/ingest');
  }
}
