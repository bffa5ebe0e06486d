// The terminal stackfix writes to: progress only on a terminal that can show it, colour on
// demand. The CLI runs on a real pseudo-terminal (python3's pty module) of a chosen width,
// including the zero columns `script` and some CI wrappers report, where the spinner used to
// clear lines forever and the process never exited.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { colourWanted, MIN_PROGRESS_COLUMNS, progressWanted } from '../src/terminal.js';
import { BIN } from './helpers/cli.js';

const PTY = path.resolve('test/helpers/pty.py');
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-terminal-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

let copies = 0;
function cdkProject(): string {
  const dest = path.join(tmpRoot, `cdk-ts-${++copies}`);
  fs.cpSync(path.resolve('examples/cdk-ts'), dest, { recursive: true });
  return dest;
}

/** The environment of a developer's shell: no CI, no colour settings, a real TERM. */
function shellEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', ...extra };
  for (const name of ['CI', 'NO_COLOR', 'FORCE_COLOR', 'GITHUB_ACTIONS']) if (!(name in extra)) delete env[name];
  return env;
}

interface PtyRun {
  status: number | null;
  output: string;
  bytes: number;
  resized: boolean;
}

/** stackfix on a terminal `columns` wide (stdin, stdout and stderr), killed after 45 s. */
function onTerminal(columns: number, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; resizeTo?: [number, string] }): PtyRun {
  const resize = opts.resizeTo ? [String(opts.resizeTo[0]), opts.resizeTo[1]] : [];
  const r = spawnSync('python3', [PTY, String(columns), '45', ...resize, '--', process.execPath, BIN, ...args], { cwd: opts.cwd, env: opts.env, encoding: 'utf8', timeout: 90_000 });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as PtyRun;
}

const SPINNER_CONTROL = ['\x1b[?25l', '\x1b[1A', '\x1b[1G'];
const hasSpinner = (out: string) => out.includes('Fixing ') && SPINNER_CONTROL.some((c) => out.includes(c));

describe('progress on a pseudo-terminal', () => {
  test('zero columns: no spinner, the fix is written and the process exits', () => {
    const project = cdkProject();
    const run = onTerminal(0, ['deploy.log', '--fix'], { cwd: project, env: shellEnv() });
    expect(run.status).toBe(0);
    expect(run.bytes).toBeLessThan(100_000);
    for (const c of SPINNER_CONTROL) expect(run.output).not.toContain(c);
    expect(run.output).toContain('autoDeleteImages');
    expect(fs.readFileSync(path.join(project, 'lib/orders-stack.ts'), 'utf8')).toContain('PostgresEngineVersion.VER_15_8');
  }, 120_000);

  test('a usable width: the spinner shows what is being fixed, and stops before the report', () => {
    const project = cdkProject();
    const run = onTerminal(100, ['deploy.log', '--fix'], { cwd: project, env: shellEnv() });
    expect(run.status).toBe(0);
    expect(hasSpinner(run.output)).toBe(true);
    expect(run.output).toContain('\x1b[36m'); // the spinner's colour
    // The cursor is shown again and the report comes after the last frame.
    expect(run.output.lastIndexOf('\x1b[?25h')).toBeGreaterThan(run.output.lastIndexOf('Fixing '));
    expect(fs.readFileSync(path.join(project, 'lib/orders-stack.ts'), 'utf8')).toContain('PostgresEngineVersion.VER_15_8');
  }, 120_000);

  test('NO_COLOR: the spinner runs without colour, and so does the report', () => {
    const run = onTerminal(100, ['deploy.log', '--fix'], { cwd: cdkProject(), env: shellEnv({ NO_COLOR: '1' }) });
    expect(run.status).toBe(0);
    expect(hasSpinner(run.output)).toBe(true);
    expect(run.output).not.toMatch(/\x1b\[(?:3\d|1|2)m/);
  }, 120_000);

  test.each([
    ['TERM=dumb', { TERM: 'dumb' }],
    ['CI=true', { CI: 'true' }],
  ])('%s: no spinner on a terminal of usable width', (_name, extra) => {
    const run = onTerminal(100, ['deploy.log', '--fix'], { cwd: cdkProject(), env: shellEnv(extra) });
    expect(run.status).toBe(0);
    for (const c of SPINNER_CONTROL) expect(run.output).not.toContain(c);
  }, 120_000);

  test('a terminal shrunk to zero columns while the spinner runs: it stops, the process exits', () => {
    const project = cdkProject();
    const run = onTerminal(100, ['deploy.log', '--fix'], { cwd: project, env: shellEnv(), resizeTo: [0, 'Fixing '] });
    expect(run.resized).toBe(true);
    expect(run.status).toBe(0);
    expect(run.bytes).toBeLessThan(200_000);
    expect(fs.readFileSync(path.join(project, 'lib/orders-stack.ts'), 'utf8')).toContain('PostgresEngineVersion.VER_15_8');
  }, 120_000);
});

describe('colour', () => {
  const ESC = '\x1b[';
  function report(args: string[], extra: Record<string, string> = {}) {
    // A guidance-only finding: no codemod to load, the report is all that runs.
    const log = '__testfixtures__/logs/quota-limit-exceeded/pulumi-up-eip.log';
    const r = spawnSync(process.execPath, [BIN, log, '--project', tmpRoot, ...args], { env: shellEnv(extra), encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    return r.stdout;
  }

  test.each([
    ['piped, nothing set', [], {}, false],
    ['--color on a pipe (a CI log)', ['--color'], {}, true],
    ['FORCE_COLOR=1 on a pipe', [], { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=0', [], { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR wins over NO_COLOR', [], { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    ['--color wins over NO_COLOR', ['--color'], { NO_COLOR: '1' }, true],
    ['--no-color wins over FORCE_COLOR', ['--no-color'], { FORCE_COLOR: '1' }, false],
    ['the last of --color and --no-color wins', ['--color', '--no-color'], {}, false],
  ] as const)('%s', (_name, args, extra, coloured) => {
    expect(report([...args], { ...extra }).includes(ESC)).toBe(coloured);
  });

  test('a --output file is never coloured', () => {
    const file = path.join(tmpRoot, 'report.txt');
    report(['--color', '--output', `text=${file}`]);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(ESC);
  });

  test.each([
    [undefined, { isTTY: true }, {}, true],
    [undefined, { isTTY: false }, {}, false],
    [undefined, { isTTY: true }, { NO_COLOR: '1' }, false],
    [undefined, { isTTY: true }, { NO_COLOR: '' }, true],
    [undefined, { isTTY: true }, { TERM: 'dumb' }, false],
    [undefined, { isTTY: false }, { FORCE_COLOR: 'true' }, true],
    [undefined, { isTTY: true }, { FORCE_COLOR: 'false' }, false],
    [undefined, { isTTY: false }, { FORCE_COLOR: '' }, false],
    [true, { isTTY: false }, { TERM: 'dumb' }, true],
    [false, { isTTY: true }, {}, false],
  ])('colourWanted(%s, %j, %j) is %s', (flag, stream, env, want) => {
    expect(colourWanted(flag, stream, env)).toBe(want);
  });

  test.each([
    [{ isTTY: true, columns: 80 }, {}, true],
    [{ isTTY: true, columns: 0 }, {}, false],
    [{ isTTY: true, columns: MIN_PROGRESS_COLUMNS - 1 }, {}, false],
    [{ isTTY: true, columns: MIN_PROGRESS_COLUMNS }, {}, true],
    [{ isTTY: false, columns: 80 }, {}, false],
    [{ isTTY: true, columns: 80 }, { TERM: 'dumb' }, false],
    [{ isTTY: true, columns: 80 }, { CI: 'true' }, false],
    [{ isTTY: true, columns: 80 }, { CI: 'false' }, true],
  ])('progressWanted(%j, %j) is %s', (stream, env, want) => {
    expect(progressWanted(stream as { isTTY: true; columns: number }, env)).toBe(want);
  });
});
