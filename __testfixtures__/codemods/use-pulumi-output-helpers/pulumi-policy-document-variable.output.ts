import * as pulumi from '@pulumi/pulumi';
import * as aws from '@pulumi/aws';

const table = new aws.dynamodb.Table('orders', {
  attributes: [{ name: 'pk', type: 'S' }],
  hashKey: 'pk',
  billingMode: 'PAY_PER_REQUEST',
});

const readOrders = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query'], Resource: [table.arn, pulumi.interpolate`${table.arn}/index/*`] },
  ],
};

export const policy = new aws.iam.Policy('orders-read', { policy: pulumi.jsonStringify(readOrders) });
