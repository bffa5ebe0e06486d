// The composite action's report step, run with bash as a runner would: annotations on stdout,
// the Markdown summary appended to $GITHUB_STEP_SUMMARY, the exit code in $GITHUB_OUTPUT, and
// a step that passes when findings remain but fails when stackfix cannot run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';

interface Step {
  id?: string;
  name: string;
  run?: string;
  env?: Record<string, string>;
  if?: string;
}
const action = parse(fs.readFileSync('action.yml', 'utf8')) as { runs: { using: string; steps: Step[] }; inputs: Record<string, { default?: string; required?: boolean }> };
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-action-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

function runStep(step: Step, cwd: string, inputs: Record<string, string>) {
  const runnerTemp = fs.mkdtempSync(path.join(tmpRoot, 'runner-'));
  const files = { output: path.join(runnerTemp, 'output'), summary: path.join(runnerTemp, 'summary.md') };
  // ${{ inputs.x }} in env values, as the runner substitutes them.
  const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, v.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, n: string) => inputs[n] ?? action.inputs[n]?.default ?? '')]));
  // As the runner runs a `shell: bash` step.
  const script = path.join(runnerTemp, 'step.sh');
  fs.writeFileSync(script, step.run!);
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', GITHUB_ACTION_PATH: path.resolve('.'), RUNNER_TEMP: runnerTemp, GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary, ...env },
    timeout: 90_000,
  });
  const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '');
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, output: read(files.output), summary: read(files.summary) };
}

describe('action.yml', () => {
  const report = action.runs.steps.find((s) => s.id === 'report')!;

  test('is a composite action whose suggestions step runs only on pull requests', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.inputs.log!.required).toBe(true);
    const suggest = action.runs.steps.find((s) => s.run?.includes(' suggest '))!;
    expect(suggest.if).toMatch(/github\.event_name == 'pull_request'/);
  });

  test('the report step writes annotations, the job summary and the exit code, and passes on findings', () => {
    const repo = path.join(tmpRoot, 'repo');
    fs.cpSync(path.resolve('examples/cdk-ts'), repo, { recursive: true });
    const r = runStep(report, repo, { log: 'deploy.log', project: '.', sarif: 'stackfix.sarif' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.output).toBe('exit-code=1\n');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::error ') || l.startsWith('::warning '))).toHaveLength(3);
    expect(r.summary).toMatch(/^## stackfix: 3 finding\(s\), 3 fix\(es\) proposed/);
    expect(JSON.parse(fs.readFileSync(path.join(repo, 'stackfix.sarif'), 'utf8')).version).toBe('2.1.0');
  }, 120_000);

  test('the report step fails when stackfix cannot run (exit 2)', () => {
    const r = runStep(report, tmpRoot, { log: 'missing.log', project: '.' });
    expect(r.code).toBe(2);
    expect(r.output).toBe('exit-code=2\n');
    expect(r.stderr).toMatch(/^stackfix: .*missing\.log/);
  }, 120_000);
});
