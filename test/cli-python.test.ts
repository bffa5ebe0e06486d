// End to end on the Python examples: a CDK Python app and a Pulumi Python program, each with
// the logs of the failed runs a developer would feed stackfix, fixed with --fix, compiled with
// python3, and run again to prove nothing changes. Then the awkward files: a syntax error, an
// encoding that is not UTF-8, tabs, Windows line endings.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { runStackfix, hasPython3 } from './helpers/cli.js';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-cli-py-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));
const python3 = hasPython3;

interface Finding {
  signature: string;
  captures: Record<string, unknown>;
  occurrences: Array<{ source: string; line: number; resource?: string }>;
  fix: { codemod: string; status: string; reason?: string; files: string[]; patch?: string } | null;
}

function stackfix(args: string[], cwd: string) {
  const r = runStackfix(args, cwd);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function findings(run: { stdout: string }): Finding[] {
  return (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
}

let copies = 0;
function copyExample(name: string): string {
  const dest = path.join(tmpRoot, `${name}-${++copies}`);
  fs.cpSync(path.resolve('examples', name), dest, { recursive: true });
  return dest;
}

function pyFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.py')).sort();
}

/** Every Python file of the project compiles with python3's own compiler. */
function expectCompiles(dir: string) {
  if (!python3) return;
  for (const f of pyFiles(dir)) {
    const r = spawnSync('python3', ['-c', 'import sys; compile(open(sys.argv[1], "rb").read(), sys.argv[1], "exec")', f], { cwd: dir, encoding: 'utf8' });
    expect({ file: f, error: r.status === 0 ? undefined : r.stderr.trim().split('\n').at(-1) }).toEqual({ file: f, error: undefined });
  }
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(pyFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

const CDK_LOGS = ['synth.log', 'deploy.log'];
const PULUMI_LOGS = ['1-preview.log', '2-preview.log', '3-up.log'];

describe('cdk-py example', () => {
  test('every finding gets a patch, and the patches apply with git apply in order', () => {
    const project = copyExample('cdk-py');
    const run = stackfix([...CDK_LOGS, '--format', 'json'], project);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const found = findings(run);
    expect(found.map((f) => [f.signature, f.fix?.codemod, f.fix?.status])).toEqual([
      ['ecr-auto-delete-images-deprecated', 'rename-deprecated-property', 'proposed'],
      ['python-missing-import', 'add-python-import', 'proposed'],
      ['kms-logs-key-policy', 'add-logs-kms-statement', 'proposed'],
      ['rds-engine-version-unavailable', 'set-rds-engine-version', 'proposed'],
      ['rds-instance-class-incompatible', 'set-rds-instance-class', 'proposed'],
    ]);
    expect(found.map((f) => f.fix!.files)).toEqual([
      ['orders/orders_stack.py'],
      ['orders/monitoring.py'],
      ['orders/orders_stack.py'],
      ['orders/orders_stack.py'],
      ['orders/ledger_stack.py'],
    ]);
    for (const f of found) {
      const patch = path.join(project, `${f.signature}.patch`);
      fs.writeFileSync(patch, f.fix!.patch!);
      execFileSync('git', ['apply', '--check', patch], { cwd: project });
      execFileSync('git', ['apply', patch], { cwd: project });
    }
    expectCompiles(project);
  });

  test('--fix writes the five fixes; the code compiles; a second run changes nothing (exit 0)', () => {
    const project = copyExample('cdk-py');
    const first = stackfix([...CDK_LOGS, '--fix', '--format', 'json'], project);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(findings(first).map((f) => f.fix?.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    expectCompiles(project);

    const stack = fs.readFileSync(path.join(project, 'orders/orders_stack.py'), 'utf8');
    expect(stack).toContain('            empty_on_delete=True,  # dev stacks are torn down often\n');
    expect(stack).not.toContain('auto_delete_images');
    expect(stack).toContain('rds.PostgresEngineVersion.VER_15_8');
    expect(stack).toMatch(/key\.add_to_resource_policy\(\s*iam\.PolicyStatement\(/);
    expect(stack).toMatch(/logs\.\{self\.region\}\.amazonaws\.com/);
    expect(stack).toMatch(/\n {4}aws_iam as iam,\n/);
    const monitoring = fs.readFileSync(path.join(project, 'orders/monitoring.py'), 'utf8');
    expect(monitoring).toContain('from aws_cdk import (\n    Duration,\n    aws_cloudwatch as cloudwatch,\n    aws_logs as logs,\n)\n');
    const ledger = fs.readFileSync(path.join(project, 'orders/ledger_stack.py'), 'utf8');
    expect(ledger).toContain('ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.MEDIUM)');

    const before = snapshot(project);
    const second = stackfix([...CDK_LOGS, '--fix', '--format', 'json'], project);
    expect(second.code).toBe(0);
    expect(findings(second).map((f) => f.fix?.status)).toEqual(['already-fixed', 'already-fixed', 'already-fixed', 'already-fixed', 'already-fixed']);
    expect(snapshot(project)).toEqual(before);
  });
});

describe('pulumi-py example', () => {
  test('--fix writes the five fixes; the code compiles; a second run changes nothing (exit 0)', () => {
    const project = copyExample('pulumi-py');
    const first = stackfix([...PULUMI_LOGS, '--fix', '--format', 'json'], project);
    expect(first.stderr).toBe('');
    const found = findings(first);
    expect(found.map((f) => [f.signature, f.occurrences[0]!.source, f.fix?.status])).toEqual([
      ['elasticache-cache-nodes-attribute', '1-preview.log', 'applied'],
      ['python-missing-import', '2-preview.log', 'applied'],
      ['kms-logs-key-policy', '3-up.log', 'applied'],
      ['rds-engine-version-unavailable', '3-up.log', 'applied'],
      ['rds-instance-class-incompatible', '3-up.log', 'applied'],
    ]);
    expect(first.code).toBe(0);
    expectCompiles(project);

    const cache = fs.readFileSync(path.join(project, 'infra/cache.py'), 'utf8');
    expect(cache).toContain('redis_host = redis.primary_endpoint_address\n');
    expect(cache).toContain('redis_port = redis.port\n');
    expect(cache).toContain('engine_version="7.1",'); // Redis's version is not RDS's
    const obs = fs.readFileSync(path.join(project, 'infra/observability.py'), 'utf8');
    expect(obs).toContain('audit_logs = cloudwatch.LogGroup(');
    expect(obs).toContain('audit_errors = cloudwatch.LogMetricFilter(');
    expect(obs).toContain('cloudwatch.LogMetricFilterMetricTransformationArgs(');
    // The key policy names the region by the provider's lookup, added to the same import list.
    expect(obs).toMatch(/from pulumi_aws import \(\n {4}get_caller_identity,\n {4}kms,\n {4}cloudwatch,\n {4}get_region,\n\)/);
    expect(obs).not.toMatch(/\blogs\.[A-Z]/);
    expect(obs).toContain('f"logs.{get_region().name}.amazonaws.com"');
    expect(obs).not.toContain('us-west-2');
    expect(found[1]!.fix!.reason).toMatch(/no logs module|ImportError/);
    const db = fs.readFileSync(path.join(project, 'infra/database.py'), 'utf8');
    expect(db).toContain('engine_version="15.8",');
    expect(db).toContain('instance_class="db.t3.medium",');
    expect(db).toContain('instance_class="db.t3.micro",'); // the postgres instance is not the failing one

    const before = snapshot(project);
    const second = stackfix([...PULUMI_LOGS, '--fix', '--format', 'json'], project);
    expect(second.code).toBe(0);
    expect(findings(second).map((f) => f.fix?.status)).toEqual(['already-fixed', 'already-fixed', 'already-fixed', 'already-fixed', 'already-fixed']);
    expect(snapshot(project)).toEqual(before);
  });
});

describe('awkward Python files', () => {
  test('a file with a syntax error is refused with the reason and left untouched', () => {
    const project = copyExample('cdk-py');
    const file = path.join(project, 'orders/monitoring.py');
    const broken = fs.readFileSync(file, 'utf8').replace('super().__init__(scope, construct_id)', 'super().__init__(scope, construct_id');
    fs.writeFileSync(file, broken);
    const run = stackfix(['synth.log', '--fix', '--format', 'json'], project);
    expect(run.code).toBe(1);
    const missing = findings(run).find((f) => f.signature === 'python-missing-import')!;
    expect(missing.fix).toMatchObject({ status: 'refused' });
    expect(missing.fix!.reason).toMatch(/^orders\/monitoring\.py has a syntax error at line 11: .*; left untouched/);
    expect(fs.readFileSync(file, 'utf8')).toBe(broken);
  });

  test('a file that is not UTF-8 is refused, naming its declared encoding, and never rewritten', () => {
    const project = copyExample('cdk-py');
    const file = path.join(project, 'orders/monitoring.py');
    const text = fs.readFileSync(file, 'utf8').replace('"""Metric filters', '# -*- coding: latin-1 -*-\n"""Métriques: metric filters');
    const bytes = Buffer.from(text, 'latin1');
    fs.writeFileSync(file, bytes);
    const run = stackfix(['synth.log', '--fix', '--format', 'json'], project);
    const missing = findings(run).find((f) => f.signature === 'python-missing-import')!;
    expect(missing.fix).toMatchObject({ status: 'refused' });
    expect(missing.fix!.reason).toBe('orders/monitoring.py is not UTF-8 (declares latin-1); the log points at its line 13; left untouched');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  test('a byte-order mark stays at the start of the file', () => {
    const project = copyExample('cdk-py');
    const file = path.join(project, 'orders/monitoring.py');
    const withBom = '\uFEFF' + fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, withBom);
    const run = stackfix(['synth.log', '--fix', '--format', 'json'], project);
    expect(findings(run).find((f) => f.signature === 'python-missing-import')!.fix).toMatchObject({ status: 'applied' });
    expect(fs.readFileSync(file, 'utf8')).toBe(withBom.replace('    aws_cloudwatch as cloudwatch,\n', '    aws_cloudwatch as cloudwatch,\n    aws_logs as logs,\n'));
    expectCompiles(project);
  });

  test('tabs and Windows line endings: the edit uses them, nothing else changes', () => {
    const project = copyExample('cdk-py');
    const file = path.join(project, 'orders/monitoring.py');
    const original = fs.readFileSync(file, 'utf8');
    const tabbed = original.replace(/^((?: {4})+)/gm, (m) => '\t'.repeat(m.length / 4)).replace(/\n/g, '\r\n');
    fs.writeFileSync(file, tabbed);
    const run = stackfix(['synth.log', '--fix', '--format', 'json'], project);
    expect(findings(run).find((f) => f.signature === 'python-missing-import')!.fix).toMatchObject({ status: 'applied' });
    const after = fs.readFileSync(file, 'utf8');
    expect(after).toBe(tabbed.replace('\taws_cloudwatch as cloudwatch,\r\n', '\taws_cloudwatch as cloudwatch,\r\n\taws_logs as logs,\r\n'));
    expectCompiles(project);
  });
});
