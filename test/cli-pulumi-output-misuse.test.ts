// End to end: a Pulumi program that serialises Outputs as plain values. In TypeScript the
// policy ends up holding Pulumi's warning text and IAM rejects it; in Python json.dumps raises
// and the traceback names the line. stackfix proposes the Output-aware helper at that place,
// writes it with --fix, and a second run finds it fixed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { runStackfix, hasPython3, writeTree } from './helpers/cli.js';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-output-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));
const python3 = hasPython3;

interface Finding {
  signature: string;
  captures: Record<string, unknown>;
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

const INDEX_TS = `import * as pulumi from '@pulumi/pulumi';
import * as aws from '@pulumi/aws';

const uploads = new aws.s3.Bucket('uploads');
const worker = new aws.iam.Role('upload-worker', {
  assumeRolePolicy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  }),
});

new aws.iam.RolePolicy('upload-worker-s3', {
  role: worker.id,
  policy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['s3:PutObject'], Resource: \`\${uploads.arn}/incoming/*\` }],
  }),
});

export const bucket = uploads.bucket;
`;

const UP_LOG = `Updating (dev):

 +  pulumi:pulumi:Stack uploads-dev creating (0s)
 +  aws:s3:Bucket uploads creating (0s)
 +  aws:iam:Role upload-worker creating (0s)
 +  aws:iam:Role upload-worker created (1s)
 +  aws:s3:Bucket uploads created (2s)
 +  aws:iam:RolePolicy upload-worker-s3 creating (0s)
 +  aws:iam:RolePolicy upload-worker-s3 creating (0s) error: putting IAM Role (upload-worker-3f1a9c2) Policy (upload-worker-s3-7b2e4d1): operation error IAM: PutRolePolicy, https response error StatusCode: 400, RequestID: 2c4b6d8e-0a1f-4e3d-9c5b-7a6f8e9d0c1b, MalformedPolicyDocument: Partition "1" is not valid for resource "arn:1: o.apply(v => v.toJSON())/incoming/*".
 +  aws:iam:RolePolicy upload-worker-s3 **creating failed** 1 error
 +  pulumi:pulumi:Stack uploads-dev creating (4s) error: update failed
 +  pulumi:pulumi:Stack uploads-dev **creating failed** 1 error
Diagnostics:
  aws:iam:RolePolicy (upload-worker-s3):
    error: putting IAM Role (upload-worker-3f1a9c2) Policy (upload-worker-s3-7b2e4d1): operation error IAM: PutRolePolicy, https response error StatusCode: 400, RequestID: 2c4b6d8e-0a1f-4e3d-9c5b-7a6f8e9d0c1b, MalformedPolicyDocument: Partition "1" is not valid for resource "arn:1: o.apply(v => v.toJSON())/incoming/*".

  pulumi:pulumi:Stack (uploads-dev):
    error: update failed

Resources:
    + 3 created
    1 errored
`;

const MAIN_PY = `import json

import pulumi
import pulumi_aws as aws

uploads = aws.s3.Bucket("uploads")
worker = aws.iam.Role(
    "upload-worker",
    assume_role_policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
    }),
)

aws.iam.RolePolicy(
    "upload-worker-s3",
    role=worker.id,
    policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": ["s3:PutObject"], "Resource": uploads.arn}],
    }),
)
`;

const PREVIEW_LOG = `Previewing update (dev)

     Type                 Name              Plan       Info
 +   pulumi:pulumi:Stack  uploads-py-dev    create     1 error

Diagnostics:
  pulumi:pulumi:Stack (uploads-py-dev):
    error: Program failed with an unhandled exception:
    Traceback (most recent call last):
      File "/home/runner/.pulumi/bin/pulumi-language-python-exec", line 192, in <module>
        loop.run_until_complete(coro)
      File "/home/runner/work/uploads/uploads/venv/lib/python3.12/site-packages/pulumi/runtime/stack.py", line 140, in run
        runpy.run_path(args.PROGRAM, run_name="__main__")
      File "<frozen runpy>", line 287, in run_path
      File "/home/runner/work/uploads/uploads/./__main__.py", line 18, in <module>
        policy=json.dumps({
               ^^^^^^^^^^^^
      File "/opt/hostedtoolcache/Python/3.12.7/x64/lib/python3.12/json/__init__.py", line 231, in dumps
        return _default_encoder.encode(obj)
      File "/opt/hostedtoolcache/Python/3.12.7/x64/lib/python3.12/json/encoder.py", line 180, in default
        raise TypeError(f'Object of type {o.__class__.__name__} '
    TypeError: Object of type Output is not JSON serializable

Resources:
    + 1 to create
`;

describe('pulumi-output-misuse end to end', () => {
  test('Pulumi TypeScript: IAM rejects the policy; JSON.stringify becomes pulumi.jsonStringify in that resource', () => {
    const dir = project('pulumi-ts', { 'Pulumi.yaml': 'name: uploads\nruntime: nodejs\n', 'index.ts': INDEX_TS, 'up.log': UP_LOG });
    const log = path.join(dir, 'up.log');
    const first = stackfix([log, '--project', dir, '--format', 'json']);
    expect(first.code).toBe(1);
    const f = first.findings.find((x) => x.signature === 'pulumi-output-misuse')!;
    expect(f.occurrences[0]!.resource).toBe('upload-worker-s3');
    expect(f.fix).toMatchObject({ codemod: 'use-pulumi-output-helpers', status: 'proposed', files: ['index.ts'] });
    expect(f.fix!.patch).toContain('+  policy: pulumi.jsonStringify({');
    expect(f.fix!.patch).toContain("+    Statement: [{ Effect: 'Allow', Action: ['s3:PutObject'], Resource: pulumi.interpolate`${uploads.arn}/incoming/*` }],");
    // The role's trust policy holds no Output: unchanged.
    expect(f.fix!.patch).not.toContain('assumeRolePolicy: pulumi');

    expect(stackfix([log, '--project', dir, '--fix']).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'index.ts'), 'utf8')).toContain('  assumeRolePolicy: JSON.stringify({');
    const again = stackfix([log, '--project', dir, '--format', 'json']);
    expect(again.code).toBe(0);
    expect(again.findings[0]!.fix!.status).toBe('already-fixed');
  });

  test('Pulumi Python: the traceback line gets pulumi.Output.json_dumps; the file still compiles', () => {
    const dir = project('pulumi-py', { 'Pulumi.yaml': 'name: uploads\nruntime: python\n', '__main__.py': MAIN_PY, 'preview.log': PREVIEW_LOG });
    const log = path.join(dir, 'preview.log');
    const first = stackfix([log, '--project', dir, '--format', 'json']);
    expect(first.code).toBe(1);
    const f = first.findings.find((x) => x.signature === 'pulumi-output-misuse')!;
    expect(f.fix).toMatchObject({ status: 'proposed', files: ['__main__.py'] });
    expect(f.fix!.patch).toContain('+    policy=pulumi.Output.json_dumps({');
    expect(f.fix!.patch!.match(/^\+[^+]/gm)).toHaveLength(1);

    expect(stackfix([log, '--project', dir, '--fix']).code).toBe(0);
    if (python3) expect(spawnSync('python3', ['-m', 'py_compile', path.join(dir, '__main__.py')]).status).toBe(0);
    const again = stackfix([log, '--project', dir, '--format', 'json']);
    expect(again.code).toBe(0);
    expect(again.findings[0]!.fix!.status).toBe('already-fixed');
  });
});
