// End to end for lambda-reserved-env-var: a Pulumi TypeScript program and a CDK Python app that
// set AWS_REGION on a function, the failed run's output, the proposed patch, `--fix`, and a second
// run with nothing left to do.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { runStackfix, hasPython3, writeTree } from './helpers/cli.js';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-lambda-env-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));
const python3 = hasPython3;

interface Finding {
  signature: string;
  captures: Record<string, unknown>;
  occurrences: Array<{ resource?: string }>;
  explanation: string;
  fix: { codemod: string; status: string; reason?: string; files: string[]; patch?: string } | null;
}

function stackfix(args: string[], cwd: string) {
  const r = runStackfix(args, cwd);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let projects = 0;
function project(files: Record<string, string>): string {
  const dir = path.join(tmpRoot, `app-${++projects}`);
  writeTree(dir, files);
  return dir;
}

const PULUMI_PROGRAM = `import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const role = new aws.iam.Role('notifier-role', {
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: 'lambda.amazonaws.com' }),
});

export const notifier = new aws.lambda.Function('notifier', {
  runtime: aws.lambda.Runtime.NodeJS20dX,
  role: role.arn,
  handler: 'index.handler',
  code: new pulumi.asset.FileArchive('./dist'),
  environment: {
    variables: {
      TOPIC_ARN: 'arn:aws:sns:eu-central-1:123456789012:alerts',
      AWS_REGION: 'eu-central-1',
    },
  },
});
`;

const PULUMI_LOG = `Updating (dev)

     Type                      Name           Status                  Info
 +   pulumi:pulumi:Stack       notifier-dev   **creating failed**     1 error
 +   ├─ aws:iam:Role           notifier-role  created (1s)
 +   └─ aws:lambda:Function    notifier       **creating failed**     1 error

Diagnostics:
  aws:lambda:Function (notifier):
    error: 1 error occurred:
    \t* creating Lambda Function (notifier-7d3c2b1): operation error Lambda: CreateFunction, https response error StatusCode: 400, RequestID: 5b1c9e2a-7f3d-4e8a-9c0b-1a2b3c4d5e6f, InvalidParameterValueException: Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: AWS_REGION

  pulumi:pulumi:Stack (notifier-dev):
    error: update failed

Resources:
    + 2 created
    1 errored

Duration: 9s
`;

const CDK_PY_STACK = `from aws_cdk import Stack, aws_lambda as _lambda
from constructs import Construct


class ExportStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        exporter = _lambda.Function(
            self,
            "Exporter",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="export.main",
            code=_lambda.Code.from_asset("lambda"),
        )
        exporter.add_environment("BUCKET", "exports-123456789012")
        exporter.add_environment("AWS_REGION", self.region)
`;

const CDK_PY_LOG = `$ cdk synth
jsii.errors.JavaScriptError:
  @jsii/kernel.RuntimeError: ValidationError: AWS_REGION environment variable is reserved by the lambda runtime and can not be set manually. See https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html
      at Kernel._Kernel_ensureSync (/tmp/tmp8k2j3h4g/lib/program.js:10491:23)
      at Kernel.invoke (/tmp/tmp8k2j3h4g/lib/program.js:9866:102)

Subprocess exited with error 1
`;

function run(dir: string, log: string) {
  return stackfix(['--format', 'json', log], dir);
}

describe('lambda-reserved-env-var', () => {
  test('Pulumi TypeScript: the key goes from environment.variables, then nothing is left', () => {
    const dir = project({ 'index.ts': PULUMI_PROGRAM, 'up.log': PULUMI_LOG });
    const first = run(dir, 'up.log');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(1);
    const [f, ...rest] = (JSON.parse(first.stdout) as { findings: Finding[] }).findings;
    expect(rest).toEqual([]);
    expect(f!.signature).toBe('lambda-reserved-env-var');
    expect(f!.captures).toEqual({ keys: 'AWS_REGION' });
    expect(f!.occurrences[0]!.resource).toBe('notifier');
    expect(f!.explanation).toMatch(/keeps working/);
    expect(f!.fix).toMatchObject({ codemod: 'remove-lambda-reserved-env-var', status: 'proposed', files: ['index.ts'] });
    const changed = f!.fix!.patch!.split('\n').filter((l) => /^[-+](?![-+])/.test(l));
    expect(changed).toEqual(["-      AWS_REGION: 'eu-central-1',"]);

    const fixed = stackfix(['--fix', 'up.log'], dir);
    expect(fixed.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'index.ts'), 'utf8')).toBe(PULUMI_PROGRAM.replace("      AWS_REGION: 'eu-central-1',\n", ''));

    const again = run(dir, 'up.log');
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as { findings: Finding[] }).findings[0]!.fix!.status).toBe('already-fixed');
  });

  test('CDK Python: the add_environment statement goes, the file still compiles', () => {
    const dir = project({ 'export_stack/export_stack.py': CDK_PY_STACK, 'synth.log': CDK_PY_LOG });
    const first = run(dir, 'synth.log');
    expect(first.code).toBe(1);
    const [f] = (JSON.parse(first.stdout) as { findings: Finding[] }).findings;
    expect(f!.signature).toBe('lambda-reserved-env-var');
    expect(f!.fix).toMatchObject({ status: 'proposed', files: ['export_stack/export_stack.py'] });

    expect(stackfix(['--fix', 'synth.log'], dir).code).toBe(0);
    const after = fs.readFileSync(path.join(dir, 'export_stack/export_stack.py'), 'utf8');
    expect(after).toBe(CDK_PY_STACK.replace('        exporter.add_environment("AWS_REGION", self.region)\n', ''));
    if (python3) expect(spawnSync('python3', ['-m', 'py_compile', 'export_stack/export_stack.py'], { cwd: dir, encoding: 'utf8' }).stderr).toBe('');

    const again = run(dir, 'synth.log');
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as { findings: Finding[] }).findings[0]!.fix!.status).toBe('already-fixed');
  });
});
