import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const config = new pulumi.Config();
const role = new aws.iam.Role('thumbnailer-role', {
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: 'lambda.amazonaws.com' }),
});

const commonEnv = {
  STAGE: pulumi.getStack(),
  AWS_REGION: aws.config.region!,
};

export const thumbnailer = new aws.lambda.Function('thumbnailer', {
  runtime: aws.lambda.Runtime.NodeJS20dX,
  role: role.arn,
  handler: 'index.handler',
  code: new pulumi.asset.FileArchive('./dist'),
  environment: {
    variables: commonEnv,
  },
});

export const resizer = new aws.lambda.Function('resizer', {
  runtime: aws.lambda.Runtime.NodeJS20dX,
  role: role.arn,
  handler: 'resize.handler',
  code: new pulumi.asset.FileArchive('./dist'),
  environment: { variables: { MAX_WIDTH: config.get('maxWidth') ?? '1024', AWS_REGION: 'us-east-1' } },
});
