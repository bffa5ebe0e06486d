// enable-apigw-cloudwatch-role: `CloudWatch Logs role ARN must be set in account settings to
// enable logging` -> `cloudWatchRole: true` / `cloud_watch_role=True` on the failing CDK
// RestApi (LambdaRestApi, SpecRestApi, StepFunctionsRestApi), so the API creates the account's
// API Gateway CloudWatch role before its stage turns logging on. Pulumi and CDKTF programs get
// guidance: the account setting is a resource of its own there.
import type { Codemod, CodemodContext, CodemodResult } from '../../src/fix/contract.js';

export const REST_API_CLASSES = ['RestApi', 'LambdaRestApi', 'SpecRestApi', 'StepFunctionsRestApi'];
export const FEATURE_FLAG = '@aws-cdk/aws-apigateway:disableCloudWatchRole';

/** Which cdk.json (the project's, or one above the file) says what about the feature flag. */
export function flagNote(ctx: Pick<CodemodContext, 'readFile'>, file: string): string {
  const dirs = file.split('/').slice(0, -1);
  for (let i = dirs.length; i >= 0; i--) {
    const rel = [...dirs.slice(0, i), 'cdk.json'].join('/');
    const text = ctx.readFile(rel);
    if (text === undefined) continue;
    let flag: unknown;
    try {
      flag = (JSON.parse(text) as { context?: Record<string, unknown> }).context?.[FEATURE_FLAG];
    } catch {
      return `${rel} could not be read as JSON`;
    }
    if (flag === true || flag === 'true') {
      return `${rel} sets the ${FEATURE_FLAG} feature flag (as \`cdk init\` does for new projects), so a RestApi creates no account CloudWatch role unless cloudWatchRole is true`;
    }
    return `${rel} does not set ${FEATURE_FLAG}, so the default is already true; setting it explicitly keeps the role when the flag is turned on, and makes this API create the account setting another stack may have removed`;
  }
  return `with the ${FEATURE_FLAG} feature flag on (new projects), cloudWatchRole defaults to false`;
}

export const PULUMI_GUIDANCE =
  'the account-level setting is its own resource: add an aws.apigateway.Account (aws_api_gateway_account in Terraform/CDKTF) whose ' +
  'cloudwatchRoleArn is an IAM role trusted by apigateway.amazonaws.com with the managed policy ' +
  'arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs, and make the stage depend on it; ' +
  'or drop loggingLevel / dataTraceEnabled from the stage\'s method settings';

const codemod: Codemod = {
  id: 'enable-apigw-cloudwatch-role',
  title: 'Let the API create the account\'s API Gateway CloudWatch role',
  languages: ['typescript', 'python'],
  // Pulumi and CDKTF files pass too, so that they get guidance rather than not-found.
  prefilter: (text) => REST_API_CLASSES.some((c) => text.includes(c)) || /apigateway|ApiGateway/i.test(text),
  async run(language, ctx): Promise<CodemodResult> {
    try {
      if (language === 'python') return await (await import('./python.js')).run(ctx);
      return await (await import('./typescript.js')).run(ctx);
    } catch (err) {
      return { status: 'refused', reason: `could not analyse the source safely: ${(err as Error).message.split('\n')[0]}`, edits: {} };
    }
  },
};

export default codemod;
