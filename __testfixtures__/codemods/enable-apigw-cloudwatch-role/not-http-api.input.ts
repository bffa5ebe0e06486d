import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { Stack } from 'aws-cdk-lib';

export class Api extends Stack {
  build() {
    new apigwv2.HttpApi(this, 'OrdersHttpApi', { apiName: 'orders' });
  }
}
