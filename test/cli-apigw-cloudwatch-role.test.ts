// End to end: a CDK app whose API stage turns on logging in an account without the API Gateway
// CloudWatch role. stackfix proposes `cloudWatchRole: true` on the failing RestApi (TypeScript)
// and `cloud_watch_role=True` (Python), writes it with --fix, and a second run finds it fixed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { runStackfix, hasPython3, writeTree } from './helpers/cli.js';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-apigw-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));
const python3 = hasPython3;

interface Finding {
  signature: string;
  occurrences: Array<{ line: number; resource?: string }>;
  fix: { codemod: string; status: string; reason?: string; files: string[]; patch?: string } | null;
}

function stackfix(args: string[]) {
  const r = runStackfix(args);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, findings: r.stdout.startsWith('{') ? (JSON.parse(r.stdout) as { findings: Finding[] }).findings : [] };
}

function project(name: string, files: Record<string, string>): string {
  const dir = path.join(tmpRoot, name);
  writeTree(dir, files);
  return dir;
}

const CDK_JSON = JSON.stringify({ app: 'npx ts-node bin/app.ts', context: { '@aws-cdk/aws-apigateway:disableCloudWatchRole': true } }, null, 2);

const API_STACK_TS = `import * as cdk from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { Construct } from 'constructs';

export class ShopApiStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const api = new apigw.RestApi(this, 'ShopApi', {
      restApiName: 'shop',
      deployOptions: {
        stageName: 'prod',
        loggingLevel: apigw.MethodLoggingLevel.INFO,
      },
    });
    api.root.addMethod('GET', new apigw.MockIntegration());

    // Internal API: no stage logging, never failed.
    new apigw.RestApi(this, 'BackofficeApi', { restApiName: 'backoffice' });
  }
}
`;

const DEPLOY_LOG = `ShopApiStack: deploying... [1/1]
ShopApiStack: creating CloudFormation changeset...
ShopApiStack |  0/8 | 2:03:11 PM | REVIEW_IN_PROGRESS   | AWS::CloudFormation::Stack | ShopApiStack User Initiated
ShopApiStack |  1/8 | 2:03:19 PM | CREATE_IN_PROGRESS   | AWS::ApiGateway::RestApi   | ShopApi (ShopApi5E3B1A2C)
ShopApiStack |  2/8 | 2:03:21 PM | CREATE_COMPLETE      | AWS::ApiGateway::RestApi   | ShopApi (ShopApi5E3B1A2C)
ShopApiStack |  3/8 | 2:03:24 PM | CREATE_COMPLETE      | AWS::ApiGateway::Deployment | ShopApi/Deployment (ShopApiDeployment7F1C2B9A4d2f0e1b)
ShopApiStack |  3/8 | 2:03:25 PM | CREATE_IN_PROGRESS   | AWS::ApiGateway::Stage     | ShopApi/DeploymentStage.prod (ShopApiDeploymentStageprod3A7C9E1D)
ShopApiStack |  3/8 | 2:03:26 PM | CREATE_FAILED        | AWS::ApiGateway::Stage     | ShopApi/DeploymentStage.prod (ShopApiDeploymentStageprod3A7C9E1D) Resource handler returned message: "CloudWatch Logs role ARN must be set in account settings to enable logging (Service: ApiGateway, Status Code: 400, Request ID: 5b0c7a1e-2f3d-4e5a-9b8c-7d6e5f4a3b2c)" (RequestToken: 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d, HandlerErrorCode: InvalidRequest)
ShopApiStack |  3/8 | 2:03:27 PM | ROLLBACK_IN_PROGRESS | AWS::CloudFormation::Stack | ShopApiStack The following resource(s) failed to create: [ShopApiDeploymentStageprod3A7C9E1D]. Rollback requested by user.

 ❌  ShopApiStack failed: Error: The stack named ShopApiStack failed creation, it may need to be manually deleted from the AWS CloudFormation console in its current state.
`;

describe('apigw-cloudwatch-role-missing end to end', () => {
  test('CDK TypeScript: proposed on the failing API only, written with --fix, then already-fixed', () => {
    const dir = project('cdk-ts', { 'cdk.json': CDK_JSON, 'lib/shop-api-stack.ts': API_STACK_TS, 'deploy.log': DEPLOY_LOG });
    const log = path.join(dir, 'deploy.log');
    const first = stackfix([log, '--project', dir, '--format', 'json']);
    expect(first.code).toBe(1);
    const f = first.findings.find((x) => x.signature === 'apigw-cloudwatch-role-missing')!;
    expect(f.occurrences[0]!.resource).toBe('ShopApiDeploymentStageprod3A7C9E1D');
    expect(f.fix).toMatchObject({ codemod: 'enable-apigw-cloudwatch-role', status: 'proposed', files: ['lib/shop-api-stack.ts'] });
    expect(f.fix!.reason).toMatch(/cdk\.json sets the @aws-cdk\/aws-apigateway:disableCloudWatchRole feature flag/);
    expect(f.fix!.patch).toContain("+      cloudWatchRole: true,\n");
    expect(f.fix!.patch!.match(/^\+[^+]/gm)).toHaveLength(1);

    const fixed = stackfix([log, '--project', dir, '--fix', '--format', 'json']);
    expect(fixed.code).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'lib/shop-api-stack.ts'), 'utf8');
    expect(text).toContain("        loggingLevel: apigw.MethodLoggingLevel.INFO,\n      },\n      cloudWatchRole: true,\n    });");
    expect(text).toContain("new apigw.RestApi(this, 'BackofficeApi', { restApiName: 'backoffice' });");

    const again = stackfix([log, '--project', dir, '--format', 'json']);
    expect(again.code).toBe(0);
    expect(again.findings.find((x) => x.signature === 'apigw-cloudwatch-role-missing')!.fix!.status).toBe('already-fixed');
  });

  test('CDK Python: cloud_watch_role=True in the call layout; the file still compiles', () => {
    const stack = `from aws_cdk import (
    Stack,
    aws_apigateway as apigw,
)
from constructs import Construct


class ShopApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        apigw.RestApi(
            self,
            "ShopApi",
            rest_api_name="shop",
            deploy_options=apigw.StageOptions(stage_name="prod", logging_level=apigw.MethodLoggingLevel.INFO),
        )
`;
    const dir = project('cdk-py', { 'cdk.json': CDK_JSON.replace('npx ts-node bin/app.ts', 'python3 app.py'), 'shop/shop_api_stack.py': stack, 'deploy.log': DEPLOY_LOG });
    const log = path.join(dir, 'deploy.log');
    const first = stackfix([log, '--project', dir, '--format', 'json']);
    expect(first.code).toBe(1);
    const f = first.findings.find((x) => x.signature === 'apigw-cloudwatch-role-missing')!;
    expect(f.fix).toMatchObject({ status: 'proposed', files: ['shop/shop_api_stack.py'] });
    expect(f.fix!.patch).toContain('+            cloud_watch_role=True,\n');

    expect(stackfix([log, '--project', dir, '--fix']).code).toBe(0);
    if (python3) expect(spawnSync('python3', ['-m', 'py_compile', path.join(dir, 'shop/shop_api_stack.py')]).status).toBe(0);
    const again = stackfix([log, '--project', dir, '--format', 'json']);
    expect(again.code).toBe(0);
    expect(again.findings[0]!.fix!.status).toBe('already-fixed');
  });
});
