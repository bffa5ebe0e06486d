import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { Stack } from 'aws-cdk-lib';

export class TwoApis extends Stack {
  build() {
    new apigw.RestApi(this, 'PublicApi', { deployOptions: { loggingLevel: apigw.MethodLoggingLevel.INFO } });
    new apigw.RestApi(this, 'AdminApi', { deployOptions: { loggingLevel: apigw.MethodLoggingLevel.INFO } });
  }
}
