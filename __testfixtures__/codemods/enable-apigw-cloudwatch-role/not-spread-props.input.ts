import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { Stack } from 'aws-cdk-lib';
import { sharedApiDefaults } from './defaults';

export class Api extends Stack {
  build() {
    new apigw.RestApi(this, 'OrdersApi', {
      ...sharedApiDefaults,
      restApiName: 'orders',
    });
  }
}
