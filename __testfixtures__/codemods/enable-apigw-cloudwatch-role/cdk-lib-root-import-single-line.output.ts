import * as cdk from 'aws-cdk-lib';
import { Construct } from 'constructs';

export class DocsStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new cdk.aws_apigateway.SpecRestApi(this, 'DocsApi', { apiDefinition: cdk.aws_apigateway.ApiDefinition.fromAsset('openapi.yaml'), cloudWatchRole: true });
  }
}
