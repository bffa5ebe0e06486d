// End to end: run the built bin/stackfix as a user would, on copies of the bundled examples,
// and check stdout, stderr, the exit code and the files on disk.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';

const BIN = path.resolve('bin/stackfix');
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-cli-'));
afterAll(() => {
  // Read-only fixtures must be writable again to be removed.
  execFileSync('chmod', ['-R', 'u+w', tmpRoot]);
  fs.rmSync(tmpRoot, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function stackfix(args: string[], opts: { input?: string | Buffer; cwd?: string } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? process.cwd(),
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let copies = 0;
function copyExample(name: string): string {
  const dest = path.join(tmpRoot, `${name}-${++copies}`);
  fs.cpSync(path.resolve('examples', name), dest, { recursive: true });
  return dest;
}

function json(run: Run) {
  return JSON.parse(run.stdout) as {
    version: number;
    tool: { name: string; version: string };
    inputs: Array<{ source: string; format: string; lines: number }>;
    findings: Array<{
      signature: string;
      title: string;
      severity: string;
      kind: string;
      rootCause: boolean;
      captures: Record<string, unknown>;
      occurrences: Array<{ source: string; line: number; text: string; resource?: string; resourceType?: string; constructPath?: string; cascade?: boolean }>;
      explanation: string;
      references: string[];
      fix: { codemod: string; status: string; reason?: string; files: string[]; patch?: string } | null;
    }>;
    unclassified: Array<{ source: string; line: number; text: string }>;
  };
}

/** Fails with a one-line message on stderr and exit 2, never a stack trace. */
function expectUsageError(run: Run, pattern: RegExp) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('cdk-ts example', () => {
  test('text report: each finding with evidence, explanation and a patch; exit 1', () => {
    const project = copyExample('cdk-ts');
    const run = stackfix([path.join(project, 'deploy.log'), '--project', project]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[kms-logs-key-policy]');
    expect(run.stdout).toContain('[rds-engine-version-unavailable]');
    expect(run.stdout).toContain('[ecr-auto-delete-images-deprecated]');
    expect(run.stdout).toMatch(/deploy\.log:52 {2}AppLogs8A3C1D2E/);
    expect(run.stdout).toContain('diff --git a/lib/orders-stack.ts b/lib/orders-stack.ts');
    expect(run.stdout).toContain('+      emptyOnDelete: true,');
    expect(run.stdout).toMatch(/3 finding\(s\): 3 fix\(es\) proposed\. Run again with --fix/);
    expect(run.stdout).not.toMatch(/\x1b\[/);
    // Nothing is written without --fix.
    expect(fs.readFileSync(path.join(project, 'lib/orders-stack.ts'), 'utf8')).toBe(fs.readFileSync('examples/cdk-ts/lib/orders-stack.ts', 'utf8'));
  });

  test('json report follows the contract and every patch applies with git apply', () => {
    const project = copyExample('cdk-ts');
    const run = stackfix(['deploy.log', '--format', 'json'], { cwd: project });
    expect(run.code).toBe(1);
    const report = json(run);
    expect(report.version).toBe(1);
    expect(report.tool.name).toBe('stackfix');
    expect(report.inputs).toEqual([{ source: 'deploy.log', format: 'cdk-text', lines: 75 }]);
    expect(report.findings.map((f) => f.signature)).toEqual(['ecr-auto-delete-images-deprecated', 'kms-logs-key-policy', 'rds-engine-version-unavailable']);
    const kms = report.findings[1]!;
    expect(kms.captures).toMatchObject({ region: 'us-east-1', account: '123456789012', logGroup: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders-dev' });
    expect(kms.occurrences.map((o) => o.line)).toEqual([52, 72, 75]);
    expect(kms.occurrences[0]).toMatchObject({ source: 'deploy.log', resource: 'AppLogs8A3C1D2E' });
    expect(kms).toMatchObject({ severity: 'error', kind: 'auto', rootCause: true });
    expect(kms.fix).toMatchObject({ codemod: 'add-logs-kms-statement', status: 'proposed', files: ['lib/orders-stack.ts'] });
    expect(report.findings[2]!.captures).toMatchObject({ engine: 'postgres', version: '15.4' });
    expect(report.unclassified).toEqual([]);
    for (const f of report.findings) {
      expect(f.explanation.length).toBeGreaterThan(40);
      expect(f.fix?.patch).toMatch(/^# stackfix /);
    }
    // Fixes are computed on top of each other: applied in order they must all apply.
    for (const f of report.findings) {
      const patchFile = path.join(project, `${f.signature}.patch`);
      fs.writeFileSync(patchFile, f.fix!.patch!);
      execFileSync('git', ['apply', '--check', patchFile], { cwd: project });
      execFileSync('git', ['apply', patchFile], { cwd: project });
    }
    expect(fs.readFileSync(path.join(project, 'lib/orders-stack.ts'), 'utf8')).toContain('PostgresEngineVersion.VER_15_8');
  });

  test('--fix writes every fix, a second run finds them already fixed (exit 0 both times)', () => {
    const project = copyExample('cdk-ts');
    const first = stackfix(['deploy.log', '--fix', '--format', 'json'], { cwd: project });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(json(first).findings.map((f) => f.fix?.status)).toEqual(['applied', 'applied', 'applied']);
    const source = fs.readFileSync(path.join(project, 'lib/orders-stack.ts'), 'utf8');
    expect(source).toContain('emptyOnDelete: true');
    expect(source).not.toContain('autoDeleteImages');
    expect(source).toContain('PostgresEngineVersion.VER_15_8');
    expect(source).toMatch(/addToResourcePolicy\(\s*new iam\.PolicyStatement/);
    expect(source).toMatch(/import \* as iam from 'aws-cdk-lib\/aws-iam';/);
    expect(fs.readdirSync(path.join(project, 'lib')).filter((n) => n.includes('stackfix'))).toEqual([]);

    const second = stackfix(['deploy.log', '--fix', '--format', 'json'], { cwd: project });
    expect(second.code).toBe(0);
    expect(json(second).findings.map((f) => f.fix?.status)).toEqual(['already-fixed', 'already-fixed', 'already-fixed']);
    expect(fs.readFileSync(path.join(project, 'lib/orders-stack.ts'), 'utf8')).toBe(source);
  });

  test('a read-only source file under --fix: exit 2, nothing written', () => {
    const project = copyExample('cdk-ts');
    const file = path.join(project, 'lib/orders-stack.ts');
    const before = fs.readFileSync(file, 'utf8');
    fs.chmodSync(file, 0o444);
    const run = stackfix(['deploy.log', '--fix'], { cwd: project });
    expectUsageError(run, /lib\/orders-stack\.ts: is read-only; nothing written/);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.readdirSync(path.join(project, 'lib'))).toEqual(['orders-stack.ts']);
  });

  test('a source file with a syntax error is left untouched, and the report says why', () => {
    const project = copyExample('cdk-ts');
    const file = path.join(project, 'lib/orders-stack.ts');
    const broken = fs.readFileSync(file, 'utf8').replace('super(scope, id, props);', 'super(scope, id, props;');
    fs.writeFileSync(file, broken);
    const run = stackfix(['deploy.log', '--fix', '--format', 'json'], { cwd: project });
    expect(run.code).toBe(1);
    const report = json(run);
    for (const f of report.findings) {
      expect(['refused', 'not-found']).toContain(f.fix?.status);
      expect(f.fix?.reason).toMatch(/syntax|parse/i);
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(broken);
  });
});

describe('pulumi-ts example', () => {
  test('KMS policy and Aurora instance class fixes are proposed from pulumi up output', () => {
    const project = copyExample('pulumi-ts');
    const run = stackfix(['deploy.log', '--format', 'json'], { cwd: project });
    expect(run.code).toBe(1);
    const report = json(run);
    expect(report.inputs[0]).toMatchObject({ format: 'pulumi-text', lines: 60 });
    expect(report.findings.map((f) => [f.signature, f.occurrences[0]?.resource, f.fix?.status])).toEqual([
      ['kms-logs-key-policy', 'audit-logs', 'proposed'],
      ['rds-instance-class-incompatible', 'orders-aurora-1', 'proposed'],
    ]);
    const cls = report.findings[1]!;
    expect(cls.captures).toMatchObject({ instanceClass: 'db.t3.small', engine: 'aurora-mysql' });
    expect(cls.fix!.patch).toContain('+    instanceClass: "db.t3.medium",');
    for (const f of report.findings) {
      const patchFile = path.join(project, `${f.signature}.patch`);
      fs.writeFileSync(patchFile, f.fix!.patch!);
      execFileSync('git', ['apply', '--check', patchFile], { cwd: project });
    }
  });
});

describe('inputs', () => {
  test('stdin is read when no LOG is given, and named <stdin>', () => {
    const log = fs.readFileSync('examples/cdk-ts/deploy.log');
    const run = stackfix(['--format', 'json', '--project', copyExample('cdk-ts')], { input: log });
    expect(run.code).toBe(1);
    const report = json(run);
    expect(report.inputs[0]!.source).toBe('<stdin>');
    expect(report.findings[0]!.occurrences[0]!.source).toBe('<stdin>');
  });

  test('several logs in one run: each occurrence names its source', () => {
    const project = copyExample('cdk-ts');
    const extra = path.join(project, 'retry.log');
    fs.writeFileSync(extra, 'Cannot find version 15.4 for postgres (Service: Rds, Status Code: 400, Request ID: 00000000-1111-2222-3333-444444444444)\n');
    const run = stackfix(['deploy.log', 'retry.log', '--format', 'json'], { cwd: project });
    const report = json(run);
    expect(report.inputs.map((i) => [i.source, i.format])).toEqual([['deploy.log', 'cdk-text'], ['retry.log', 'text']]);
    const rds = report.findings.find((f) => f.signature === 'rds-engine-version-unavailable')!;
    expect(rds.occurrences.map((o) => `${o.source}:${o.line}`)).toEqual(['deploy.log:53', 'deploy.log:73', 'deploy.log:75', 'retry.log:1']);
  });

  test('a single pasted error line classifies', () => {
    const run = stackfix(['--format', 'json', '--project', tmpRoot], { input: 'NameError: name \'logs\' is not defined\n' });
    expect(run.code).toBe(1);
    const f = json(run).findings[0]!;
    expect(f.signature).toBe('python-missing-import');
    expect(f.captures).toEqual({ name: 'logs' });
    expect(f.kind).toBe('auto');
    // No Python source in the project: nothing to fix, and the report says where it looked.
    expect(f.fix).toMatchObject({ codemod: 'add-python-import', status: 'not-found' });
  });

  test('a deprecation warning cut after its first line still gets the fix the signature knows', () => {
    const project = copyExample('cdk-ts');
    const run = stackfix(['--format', 'json'], { cwd: project, input: '[WARNING] aws-cdk-lib.aws_ecr.RepositoryProps#autoDeleteImages is deprecated.\n' });
    expect(run.code).toBe(1);
    const f = json(run).findings[0]!;
    expect(f.captures).toEqual({ module: 'aws_ecr', propsType: 'RepositoryProps', property: 'autoDeleteImages' });
    expect(f.fix).toMatchObject({ status: 'proposed', files: ['lib/orders-stack.ts'] });
    expect(f.fix!.patch).toContain('+      emptyOnDelete: true, // dev stacks are torn down often');
  });

  test('an empty log: no findings, exit 0', () => {
    const run = stackfix(['--project', tmpRoot], { input: '' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/No failure found in 0 line/);
  });

  test('a log with nothing known in it says what it was read as', () => {
    const run = stackfix([path.resolve('__testfixtures__/logs/near-miss/cdk-deploy-success.log'), '--project', tmpRoot]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/No failure found in \d+ line\(s\)\.\nRead as .*cdk-deploy-success\.log: cdk deploy\/synth output\./);
    const plain = stackfix(['--project', tmpRoot], { input: 'everything is fine\n' });
    expect(plain.stdout).toContain('Read as <stdin>: plain text (no known tool framing).');
  });

  test('CDKTF: the Terraform address leads through cdktf.out to the construct, and only it is changed', () => {
    const project = path.join(tmpRoot, `cdktf-${++copies}`);
    fs.cpSync(path.resolve('__testfixtures__/projects/cdktf-ts'), project, { recursive: true });
    const run = stackfix(['deploy.log', '--format', 'json'], { cwd: project });
    expect(run.code).toBe(1);
    const report = json(run);
    expect(report.inputs[0]!.format).toBe('terraform-text');
    const [f] = report.findings;
    expect(f!.occurrences[0]).toMatchObject({ resource: 'aws_db_instance.orders-db', resourceType: 'aws_db_instance', constructPath: 'orders/orders-db' });
    expect(f!.fix).toMatchObject({ status: 'proposed', files: ['main.ts'] });
    expect(f!.fix!.patch).toContain('@@ -13,7 +13,7 @@');
    expect(f!.fix!.patch).toContain('+      engineVersion: "15.8",');
    expect(f!.fix!.patch!.match(/^\+ /gm)).toHaveLength(1);
    // The synth output is a hint, not an input: a broken one only means no construct path.
    fs.writeFileSync(path.join(project, 'cdktf.out/stacks/orders/cdk.tf.json'), '{ not json');
    const broken = stackfix(['deploy.log', '--format', 'json'], { cwd: project });
    expect(broken.code).toBe(1);
    expect(json(broken).findings[0]!.occurrences[0]!.constructPath).toBeUndefined();
  });

  test('CDK: cdk.out maps an overridden logical id to its construct; without it the fix is not guessed', () => {
    const project = copyExample('cdk-ts');
    const reason =
      'Resource handler returned message: \\"Cannot find version 15.4 for postgres (Service: Rds, Status Code: 400, Request ID: 2f4e6a8c-1b3d-4f5a-9c7e-0d2b4f6a8c1e)\\" (RequestToken: 8e1f3a5c-7b9d-4e2f-a4c6-e8a0b2c4d6f8, HandlerErrorCode: InvalidRequest)';
    fs.writeFileSync(
      path.join(project, 'events.json'),
      `{"StackEvents":[{"StackName":"OrdersStack","LogicalResourceId":"PrimaryStore","ResourceType":"AWS::RDS::DBInstance","ResourceStatus":"CREATE_FAILED","Timestamp":"2024-11-20T09:14:37.275Z","ResourceStatusReason":"${reason}"}]}\n`,
    );
    const before = json(stackfix(['events.json', '--format', 'json'], { cwd: project })).findings[0]!;
    expect(before.fix).toMatchObject({ status: 'not-found' });
    fs.mkdirSync(path.join(project, 'cdk.out'));
    fs.writeFileSync(
      path.join(project, 'cdk.out/OrdersStack.template.json'),
      JSON.stringify({ Resources: { PrimaryStore: { Type: 'AWS::RDS::DBInstance', Metadata: { 'aws:cdk:path': 'OrdersStack/OrdersDb/Resource' } } } }),
    );
    const after = json(stackfix(['events.json', '--format', 'json'], { cwd: project })).findings[0]!;
    expect(after.occurrences[0]).toMatchObject({ resource: 'PrimaryStore', resourceType: 'AWS::RDS::DBInstance', constructPath: 'OrdersStack/OrdersDb/Resource' });
    expect(after.fix).toMatchObject({ status: 'proposed', files: ['lib/orders-stack.ts'] });
  });

  test('a log with only successes: no findings, exit 0', () => {
    const run = stackfix([path.resolve('__testfixtures__/logs/near-miss/cdk-deploy-success.log'), '--project', tmpRoot, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(json(run).findings).toEqual([]);
  });

  test('an error no signature knows is listed as unclassified, exit 1', () => {
    const run = stackfix(['--project', tmpRoot, '--format', 'json'], { input: 'Error: Something unheard of went wrong in the frobnicator\n' });
    expect(run.code).toBe(1);
    expect(json(run).unclassified).toEqual([{ source: '<stdin>', line: 1, text: 'Error: Something unheard of went wrong in the frobnicator', severity: 'error' }]);
  });

  test('a very long line is cut, not held: no hang, still classified', () => {
    const line = `${'x'.repeat(3_000_000)} NameError: name 'logs' is not defined\nNameError: name 'ec2' is not defined\n`;
    const run = stackfix(['--project', tmpRoot, '--format', 'json'], { input: line });
    expect(run.code).toBe(1);
    expect(json(run).findings.map((f) => f.captures.name)).toEqual(['ec2']);
  });

  test('missing log file', () => {
    expectUsageError(stackfix(['nope.log', '--project', tmpRoot]), /^stackfix: nope\.log: no such file$/);
  });

  test('a directory given as the log', () => {
    expectUsageError(stackfix([tmpRoot, '--project', tmpRoot]), /is a directory, expected a log file/);
  });

  test('binary input', () => {
    const run = stackfix(['--project', tmpRoot], { input: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00]) });
    expectUsageError(run, /^stackfix: <stdin>: looks like a binary file, not a deploy log \(control bytes from line 1\)$/);
  });

  test('invalid UTF-8 is read with a replacement character, not refused', () => {
    const run = stackfix(['--project', tmpRoot, '--format', 'json'], { input: Buffer.from("Deploying caf\xe9-stack\nNameError: name 'logs' is not defined\n", 'latin1') });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(json(run).findings.map((f) => [f.signature, f.occurrences[0]!.line])).toEqual([['python-missing-import', 2]]);
  });

  test('--project that does not exist', () => {
    const run = stackfix(['examples/cdk-ts/deploy.log', '--project', path.join(tmpRoot, 'missing')]);
    expectUsageError(run, /--project .*missing: no such directory/);
  });

  test('unknown option and bad --format value', () => {
    expect(stackfix(['--frobnicate']).code).toBe(2);
    const bad = stackfix(['--format', 'xml', 'examples/cdk-ts/deploy.log']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Allowed choices are text, json/);
  });
});

describe('catalogue', () => {
  test('list shows the six signatures; explain shows one', () => {
    const list = stackfix(['list']);
    expect(list.code).toBe(0);
    for (const id of ['kms-logs-key-policy', 'ecr-auto-delete-images-deprecated', 'rds-engine-version-unavailable', 'rds-instance-class-incompatible', 'python-missing-import', 'elasticache-cache-nodes-attribute']) {
      expect(list.stdout).toContain(id);
    }
    const explain = stackfix(['explain', 'rds-engine-version-unavailable']);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toMatch(/Fix: codemod set-rds-engine-version/);
    expectUsageError(stackfix(['explain', 'no-such-signature']), /unknown signature 'no-such-signature'/);
  });

  test('a bad user signature file is one clear error naming file and field', () => {
    const dir = fs.mkdtempSync(path.join(tmpRoot, 'sigs-'));
    fs.writeFileSync(path.join(dir, 'my-sig.yaml'), 'id: my-sig\ntitle: t\nseverity: fatal\nkind: guidance\n');
    expectUsageError(stackfix(['--signatures', dir, '--project', tmpRoot], { input: 'x\n' }), /my-sig\.yaml: severity: must be 'error' or 'warning'/);
  });

  test('a user signature whose regex backtracks catastrophically is refused', () => {
    const dir = fs.mkdtempSync(path.join(tmpRoot, 'sigs-'));
    fs.writeFileSync(
      path.join(dir, 'slow-sig.yaml'),
      [
        'id: slow-sig',
        'title: Slow',
        'severity: error',
        'kind: guidance',
        'match:',
        "  patterns: ['^(a+)+$']",
        'message: m',
        'fix: { guidance: g }',
        'examples: { match: [aaa], nomatch: [b] }',
      ].join('\n'),
    );
    expectUsageError(stackfix(['--signatures', dir, '--project', tmpRoot], { input: 'x\n' }), /slow-sig\.yaml: match\.patterns\[0\]: regex can backtrack catastrophically/);
  });

  test('a user signature classifies alongside the bundled ones', () => {
    const dir = fs.mkdtempSync(path.join(tmpRoot, 'sigs-'));
    fs.writeFileSync(
      path.join(dir, 'deploy-freeze.yaml'),
      [
        'id: deploy-freeze',
        'title: Production deploys are frozen',
        'severity: error',
        'kind: not-source',
        'match:',
        "  patterns: ['Deploy freeze in effect']",
        'message: Deploys are frozen; wait for the freeze window to end.',
        'fix: { guidance: Deploy after the freeze window. }',
        "examples: { match: ['Deploy freeze in effect for prod'], nomatch: ['ok'] }",
      ].join('\n'),
    );
    const run = stackfix(['--signatures', dir, '--project', tmpRoot, '--format', 'json'], { input: 'Error: Deploy freeze in effect for prod until 2026-12-07\n' });
    expect(run.code).toBe(1);
    expect(json(run).findings.map((f) => [f.signature, f.kind])).toEqual([['deploy-freeze', 'not-source']]);
  });
});
