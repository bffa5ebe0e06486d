// End to end for iam-managed-policy-not-found: a CDK TypeScript app whose Config recorder role
// attaches service-role/ConfigRole, and a Pulumi Python program with an old CodePipeline policy
// ARN; the failed deploy's output, the proposed patch, `--fix`, a second run with nothing to do.
// A policy with no managed equivalent gets the inline-policy advice and no edit.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { runStackfix, hasPython3, writeTree } from './helpers/cli.js';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-managed-policy-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));
const python3 = hasPython3;

interface Finding {
  signature: string;
  captures: Record<string, unknown>;
  occurrences: Array<{ resource?: string }>;
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

const findings = (run: { stdout: string }) => (JSON.parse(run.stdout) as { findings: Finding[] }).findings;

const CDK_STACK = `import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export class ComplianceStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new iam.Role(this, 'RecorderRole', {
      assumedBy: new iam.ServicePrincipal('config.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/ConfigRole')],
    });
  }
}
`;

const CDK_LOG = `ComplianceStack: deploying... [1/1]
ComplianceStack: creating CloudFormation changeset...
ComplianceStack |  0/3 | 2:41:10 PM | CREATE_IN_PROGRESS   | AWS::IAM::Role             | ComplianceStack/RecorderRole (RecorderRole5D7E4A1C)
ComplianceStack |  1/3 | 2:41:12 PM | CREATE_FAILED        | AWS::IAM::Role             | ComplianceStack/RecorderRole (RecorderRole5D7E4A1C) Resource handler returned message: "Policy arn:aws:iam::aws:policy/service-role/ConfigRole does not exist or is not attachable. (Service: Iam, Status Code: 404, Request ID: 3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f)" (RequestToken: 8c7b6a59-4837-4261-a5f4-e3d2c1b0a998, HandlerErrorCode: NotFound)

 ❌  ComplianceStack failed: Error: The stack named ComplianceStack failed creation, it may need to be manually deleted from the AWS CloudFormation console in its current status CREATE_FAILED: Resource handler returned message: "Policy arn:aws:iam::aws:policy/service-role/ConfigRole does not exist or is not attachable. (Service: Iam, Status Code: 404, Request ID: 3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f)"
`;

const PULUMI_PROGRAM = `import pulumi_aws as aws

ci_role = aws.iam.Role("ci-role", assume_role_policy=aws.iam.get_policy_document(statements=[]).json)

aws.iam.RolePolicyAttachment(
    "ci-pipeline-access",
    role=ci_role.name,
    policy_arn="arn:aws:iam::aws:policy/AWSCodePipelineFullAccess",
)
`;

const PULUMI_LOG = `Updating (ci)

     Type                             Name                Status                  Info
     pulumi:pulumi:Stack              delivery-ci         **failed**              1 error
 +   └─ aws:iam:RolePolicyAttachment  ci-pipeline-access  **creating failed**     1 error

Diagnostics:
  aws:iam:RolePolicyAttachment (ci-pipeline-access):
    error: sdk-v2/provider2.go:572: sdk.helper_schema: attaching IAM Policy (arn:aws:iam::aws:policy/AWSCodePipelineFullAccess) to IAM Role (ci-role-4e5f6a7): operation error IAM: AttachRolePolicy, https response error StatusCode: 404, RequestID: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d, NoSuchEntity: Policy arn:aws:iam::aws:policy/AWSCodePipelineFullAccess does not exist or is not attachable.: provider=aws@6.60.0

  pulumi:pulumi:Stack (delivery-ci):
    error: update failed
`;

describe('iam-managed-policy-not-found', () => {
  test('CDK TypeScript: fromAwsManagedPolicyName gets the existing name', () => {
    const dir = project({ 'lib/compliance-stack.ts': CDK_STACK, 'deploy.log': CDK_LOG });
    const first = stackfix(['--format', 'json', 'deploy.log'], dir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(1);
    const [f, ...rest] = findings(first);
    expect(rest).toEqual([]);
    expect(f!.signature).toBe('iam-managed-policy-not-found');
    expect(f!.captures).toEqual({ policyArn: 'arn:aws:iam::aws:policy/service-role/ConfigRole', policy: 'service-role/ConfigRole' });
    expect(f!.occurrences[0]!.resource).toBe('RecorderRole5D7E4A1C');
    expect(f!.fix).toMatchObject({ codemod: 'rename-managed-policy', status: 'proposed', files: ['lib/compliance-stack.ts'] });
    expect(f!.fix!.patch).toContain("+      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWS_ConfigRole')],");

    expect(stackfix(['--fix', 'deploy.log'], dir).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'lib/compliance-stack.ts'), 'utf8')).toBe(CDK_STACK.replace("'service-role/ConfigRole'", "'service-role/AWS_ConfigRole'"));
    const again = stackfix(['--format', 'json', 'deploy.log'], dir);
    expect(again.code).toBe(0);
    expect(findings(again)[0]!.fix!.status).toBe('already-fixed');
  });

  test('Pulumi Python: the policy ARN gets the existing name, the file still compiles', () => {
    const dir = project({ '__main__.py': PULUMI_PROGRAM, 'up.log': PULUMI_LOG });
    const first = stackfix(['--format', 'json', 'up.log'], dir);
    expect(first.code).toBe(1);
    const [f] = findings(first);
    expect(f!.signature).toBe('iam-managed-policy-not-found');
    expect(f!.captures).toMatchObject({ policy: 'AWSCodePipelineFullAccess' });
    expect(f!.fix).toMatchObject({ status: 'proposed', files: ['__main__.py'] });

    expect(stackfix(['--fix', 'up.log'], dir).code).toBe(0);
    const after = fs.readFileSync(path.join(dir, '__main__.py'), 'utf8');
    expect(after).toBe(PULUMI_PROGRAM.replace('AWSCodePipelineFullAccess', 'AWSCodePipeline_FullAccess'));
    if (python3) expect(spawnSync('python3', ['-m', 'py_compile', '__main__.py'], { cwd: dir, encoding: 'utf8' }).stderr).toBe('');
    expect(findings(stackfix(['--format', 'json', 'up.log'], dir))[0]!.fix!.status).toBe('already-fixed');
  });

  test('a policy with no managed equivalent is refused with the inline-policy advice', () => {
    const source = CDK_STACK.replace("'service-role/ConfigRole'", "'AWSCodePipelineServiceRole'");
    const log = CDK_LOG.replaceAll('service-role/ConfigRole', 'AWSCodePipelineServiceRole');
    const dir = project({ 'lib/compliance-stack.ts': source, 'deploy.log': log });
    const run = stackfix(['--fix', '--format', 'json', 'deploy.log'], dir);
    expect(run.code).toBe(1);
    const [f] = findings(run);
    expect(f!.fix).toMatchObject({ status: 'refused' });
    expect(f!.fix!.reason).toMatch(/inline policy/);
    expect(fs.readFileSync(path.join(dir, 'lib/compliance-stack.ts'), 'utf8')).toBe(source);
  });
});
