// Runs one project fixture (__testfixtures__/projects/<case>/) through a built CLI with --fix and
// judges the result: `correct` when every expected fix status is reached, the files in output/
// match byte for byte, nothing else changed, and a second run changes nothing. Shared by
// test/projects.test.ts and scripts/measure-projects.js.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PROJECTS = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../__testfixtures__/projects');

export function listCases() {
  if (!fs.existsSync(PROJECTS)) return [];
  return fs
    .readdirSync(PROJECTS, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(PROJECTS, e.name, 'case.json')))
    .map((e) => e.name)
    .sort();
}

/** The case's case.json: description, logs, expect, and optionally `known` and `heldOut`. */
export function readCase(name) {
  return JSON.parse(fs.readFileSync(path.join(PROJECTS, name, 'case.json'), 'utf8'));
}

function walk(dir, base = dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p, base) : [path.relative(base, p).split(path.sep).join('/')];
  });
}

const python3 = spawnSync('python3', ['--version']).status === 0;

function pyCompileError(file, text) {
  if (!python3) return undefined;
  const r = spawnSync('python3', ['-c', 'import sys; compile(sys.stdin.read(), sys.argv[1], "exec")', file], { input: text, encoding: 'utf8' });
  return r.status === 0 ? undefined : r.stderr.trim().split('\n').at(-1);
}

function runCli(bin, args, cwd) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    report = undefined;
  }
  return { status: r.status, stderr: r.stderr, report };
}

/** What a finding's fix came to: its status, or `guidance` when it has no codemod. */
function statusOf(finding) {
  return finding.fix ? finding.fix.status : 'guidance';
}

/**
 * Judges one case. Returns { verdict, problems, statuses } where verdict is one of
 * correct | wrong | broken | refused | not-found | missed | error.
 */
export function judgeCase(name, bin) {
  const dir = path.join(PROJECTS, name);
  const spec = readCase(name);
  const input = path.join(dir, 'input');
  const output = path.join(dir, 'output');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `stackfix-project-${name}-`));
  try {
    fs.cpSync(input, tmp, { recursive: true });
    const problems = [];
    const first = runCli(bin, [...spec.logs, '--project', '.', '--fix', '--format', 'json'], tmp);
    if (!first.report) return { verdict: 'error', problems: [`no JSON report (exit ${first.status}): ${first.stderr.trim().split('\n')[0]}`], statuses: {} };
    const statuses = {};
    for (const f of first.report.findings) statuses[f.signature] ??= statusOf(f);
    // Files: expected changes exactly, nothing else touched.
    const expectedChanged = new Set(walk(output));
    let wrong = false;
    let changedAny = false;
    for (const rel of new Set([...walk(input), ...walk(tmp)])) {
      const now = fs.existsSync(path.join(tmp, rel)) ? fs.readFileSync(path.join(tmp, rel)) : undefined;
      const want = expectedChanged.has(rel) ? fs.readFileSync(path.join(output, rel)) : fs.existsSync(path.join(input, rel)) ? fs.readFileSync(path.join(input, rel)) : undefined;
      const before = fs.existsSync(path.join(input, rel)) ? fs.readFileSync(path.join(input, rel)) : undefined;
      if (now && before && !now.equals(before)) changedAny = true;
      if (!now !== !want || (now && want && !now.equals(want))) {
        wrong = true;
        problems.push(`${rel}: ${!now ? 'missing' : !want ? 'created' : expectedChanged.has(rel) ? 'differs from output/' : 'changed but should not be'}`);
      }
      if (now && rel.endsWith('.py') && before && !now.equals(before)) {
        const err = pyCompileError(rel, now.toString('utf8'));
        if (err) {
          problems.push(`${rel} no longer compiles: ${err}`);
          return { verdict: 'broken', problems, statuses };
        }
      }
    }
    for (const [sig, want] of Object.entries(spec.expect)) {
      const got = statuses[sig];
      if (got !== want) problems.push(`${sig}: ${got ?? 'no finding'}, expected ${want}`);
    }
    // Idempotence: the second run changes nothing and reports the applied fixes as already fixed.
    if (changedAny) {
      const snapshot = Object.fromEntries(walk(tmp).map((rel) => [rel, fs.readFileSync(path.join(tmp, rel))]));
      const second = runCli(bin, [...spec.logs, '--project', '.', '--fix', '--format', 'json'], tmp);
      for (const rel of walk(tmp)) {
        if (!snapshot[rel] || !snapshot[rel].equals(fs.readFileSync(path.join(tmp, rel)))) {
          wrong = true;
          problems.push(`${rel}: changed again by a second --fix`);
        }
      }
      for (const [sig, want] of Object.entries(spec.expect)) {
        if (want !== 'applied') continue;
        const f = second.report?.findings.find((x) => x.signature === sig);
        if (f && statusOf(f) !== 'already-fixed') problems.push(`${sig}: second run says ${statusOf(f)}, expected already-fixed`);
      }
    }
    if (problems.length === 0) return { verdict: 'correct', problems, statuses };
    if (wrong && changedAny) return { verdict: 'wrong', problems, statuses };
    const wanted = Object.keys(spec.expect);
    const got = wanted.map((s) => statuses[s]);
    const verdict = got.includes('refused') ? 'refused' : got.includes('not-found') ? 'not-found' : got.some((s) => s === undefined) ? 'missed' : 'wrong';
    return { verdict, problems, statuses };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
