import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { Stack } from 'aws-cdk-lib';

export class Api extends Stack {
  build() {
    new apigw.RestApi(this, 'OrdersApi', {
      // the account role is managed by the platform team
      cloudWatchRole: false,
      deployOptions: { loggingLevel: apigw.MethodLoggingLevel.INFO },
    });
  }
}
