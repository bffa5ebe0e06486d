// `stackfix list` and `stackfix explain <id>` end to end (built bin/stackfix), plus the
// id suggestions. Exit codes: 0 printed, 2 unknown id or bad --signatures folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { closestIds } from '../src/report/catalogue.js';

const BIN = path.resolve('bin/stackfix');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-catalogue-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function stackfix(args: string[], opts: { cwd?: string; nodeArgs?: string[] } = {}) {
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), BIN, ...args], {
    cwd: opts.cwd ?? process.cwd(),
    input: '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const bundledIds = fs.readdirSync('signatures').filter((n) => n.endsWith('.yaml')).map((n) => n.replace(/\.yaml$/, '')).sort();

function userCatalogue(): string {
  const dir = path.join(tmp, 'extra');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'team-quota-reached.yaml'), [
    'id: team-quota-reached',
    'title: Team sandbox quota reached',
    'severity: error',
    'kind: not-source',
    'match:',
    '  patterns: ["Sandbox quota of (?<limit>\\\\d+) stacks reached"]',
    'captures:',
    '  limit: the quota',
    'message: The sandbox account allows {limit} stacks; delete an old one. The source is not the problem.',
    'fix: { guidance: "Delete an unused sandbox stack or ask for a higher quota." }',
    'references: []',
    'examples:',
    '  match:',
    '    - text: "Sandbox quota of 20 stacks reached"',
    '      captures: { limit: "20" }',
    '  nomatch: ["Sandbox created"]',
    '',
  ].join('\n'));
  return dir;
}

interface ListDoc {
  version: number;
  signatures: Array<{ id: string; kind: string; severity: string; codemod: string | null; languages: string[]; origin: string; file: string; title: string }>;
}

describe('stackfix list', () => {
  test('prints every signature in aligned columns, exit 0', () => {
    const r = stackfix(['list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    const header = lines[0]!;
    expect(header).toMatch(/^ID\s+KIND\s+CODEMOD\s+LANGUAGES\s+TITLE$/);
    const rows = lines.slice(1, 1 + bundledIds.length);
    expect(rows.map((l) => l.split(/\s+/)[0])).toEqual(bundledIds);
    // Columns line up: each column starts at the header's offset on every row.
    for (const col of ['KIND', 'CODEMOD', 'LANGUAGES', 'TITLE']) {
      const at = header.indexOf(col);
      for (const row of rows) {
        expect(row[at - 1]).toBe(' ');
        expect(row[at]).not.toBe(' ');
      }
    }
    expect(r.stdout).toMatch(/^rds-engine-version-unavailable\s+auto\s+set-rds-engine-version\s+typescript,python\s+RDS engine version/m);
    expect(r.stdout).toMatch(/^elasticache-cache-nodes-attribute\s+auto\s+use-replication-group-endpoint\s+typescript,python\s+/m);
    expect(r.stdout).toContain(`${bundledIds.length} signatures (`);
    // Not a terminal: no colour codes.
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  test('--format json: one document, codemod languages from the codemod metadata', () => {
    const r = stackfix(['list', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as ListDoc;
    expect(doc.version).toBe(1);
    expect(doc.signatures.map((s) => s.id)).toEqual(bundledIds);
    const rds = doc.signatures.find((s) => s.id === 'rds-engine-version-unavailable')!;
    expect(rds).toMatchObject({ kind: 'auto', codemod: 'set-rds-engine-version', languages: ['typescript', 'python'], origin: 'bundled', file: 'signatures/rds-engine-version-unavailable.yaml' });
    expect(doc.signatures.find((s) => s.id === 'python-missing-import')!.languages).toEqual(['python']);
    for (const s of doc.signatures) expect(s.codemod === null ? s.kind !== 'auto' : s.languages.length > 0).toBe(true);
  });

  test('--signatures adds a user catalogue; a missing folder is one line on stderr, exit 2', () => {
    const dir = userCatalogue();
    const r = stackfix(['list', '--signatures', dir, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const user = (JSON.parse(r.stdout) as ListDoc).signatures.find((s) => s.id === 'team-quota-reached');
    expect(user).toMatchObject({ kind: 'not-source', codemod: null, languages: [], origin: 'user' });
    const text = stackfix(['list', '--signatures', dir]);
    expect(text.stdout).toMatch(/^team-quota-reached\s+not-source\s+-\s+-\s+Team sandbox quota reached \[.*team-quota-reached\.yaml\]$/m);

    const bad = stackfix(['list', '--signatures', path.join(tmp, 'nope')]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^stackfix: .*nope: signature folder not found/);
  });

  test('loads no parser, compiler, transform engine or codemod', () => {
    // A resolve hook that refuses the heavy modules: list and explain must still succeed.
    const hooks = path.join(tmp, 'hooks.mjs');
    const register = path.join(tmp, 'register.mjs');
    fs.writeFileSync(hooks, [
      // the parsers and engines, and any codemod module: the registry knows their languages
      'const HEAVY = /\\/node_modules\\/(?:jscodeshift|ts-morph|typescript|web-tree-sitter|tree-sitter-python|recheck|diff|ora|@babel)\\/|\\/dist\\/codemods\\/[\\w-]+\\//;',
      'export async function resolve(specifier, context, next) {',
      '  const r = await next(specifier, context);',
      '  if (HEAVY.test(r.url)) throw new Error(`heavy module loaded: ${r.url}`);',
      '  return r;',
      '}',
      '',
    ].join('\n'));
    fs.writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(new URL(`file://${hooks}`).href)});\n`);
    const nodeArgs = ['--import', register];
    const list = stackfix(['list'], { nodeArgs });
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    expect(stackfix(['explain', 'kms-logs-key-policy'], { nodeArgs }).code).toBe(0);
    // The guard is real: the same hook stops a run that does load a transform engine.
    const guard = spawnSync(process.execPath, [...nodeArgs, '-e', "await import('jscodeshift')", '--input-type=module'], { encoding: 'utf8' });
    expect(guard.status).not.toBe(0);
    expect(guard.stderr).toContain('heavy module loaded');
  });
});

describe('stackfix explain', () => {
  test('prints title, kind, message with placeholders, fix, captures, references and examples', () => {
    const r = stackfix(['explain', 'rds-engine-version-unavailable']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    expect(out.split('\n')[0]).toBe('rds-engine-version-unavailable: RDS engine version not offered in this region');
    expect(out).toContain('kind: auto, severity: error');
    expect(out).toContain('RDS engine {engine}, version {version}: not offered');
    expect(out).toContain('Fix: codemod set-rds-engine-version (typescript, python)');
    expect(out).toMatch(/Captures:\n {2}engine +RDS engine/);
    expect(out).toMatch(/validVersions +\(list\) /);
    expect(out).toContain('one finding per: engine, version');
    expect(out).toContain('https://docs.aws.amazon.com/cli/latest/reference/rds/describe-db-engine-versions.html');
    expect(out).toMatch(/Recognises, for example:\n {2}.*Cannot find version 16\.1 for postgres.*\n {4}-> engine=postgres version=16\.1/);
    expect(out).toMatch(/Near misses it does not claim:\n {2}Cannot find version 6\.2\.6 for redis/);
  });

  test('a guidance signature shows its guidance', () => {
    const dir = userCatalogue();
    const r = stackfix(['explain', 'team-quota-reached', '--signatures', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Fix \(guidance, no codemod\):\n {2}Delete an unused sandbox stack/);
    expect(r.stdout).toMatch(/from: .*team-quota-reached\.yaml/);
  });

  test('--format json', () => {
    const r = stackfix(['explain', 'python-missing-import', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { signature: { id: string; fix: { codemod: string; languages: string[] }; examples: { match: unknown[]; nomatch: string[] }; patterns: string[] } };
    expect(doc.signature.id).toBe('python-missing-import');
    expect(doc.signature.fix).toMatchObject({ codemod: 'add-python-import', languages: ['python'] });
    expect(doc.signature.examples.match.length).toBeGreaterThanOrEqual(3);
    expect(doc.signature.patterns.length).toBeGreaterThan(0);
  });

  test('an unknown id: one line naming the closest ids, exit 2, nothing on stdout', () => {
    const r = stackfix(['explain', 'rds-engine-version']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^stackfix: unknown signature 'rds-engine-version'; did you mean rds-engine-version-unavailable\b/);
    const none = stackfix(['explain', 'zzzz']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe("stackfix: unknown signature 'zzzz' (stackfix list shows them all)\n");
  });

  test('no id is a usage error, exit 2', () => {
    const r = stackfix(['explain']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing required argument 'id'/);
  });
});

describe('a log file named like a command', () => {
  const log = 'Resource handler returned message: "Cannot find version 16.1 for postgres (Service: Rds, Status Code: 400, Request ID: 5c2e0d1a-1111-4222-8333-444455556666)"\n';
  test.each([[['./list']], [['--', 'list']], [['--no-color', 'list']]])('stackfix %j reads the file', (args) => {
    const dir = path.join(tmp, 'named-list');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'list'), log);
    const r = stackfix(['--format', 'json', ...args], { cwd: dir });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { findings: Array<{ signature: string }> };
    expect(doc.findings.map((f) => f.signature)).toEqual(['rds-engine-version-unavailable']);
  });
});

describe('closest ids', () => {
  const ids = bundledIds;
  test.each([
    ['rds-engine-version-unavailble', 'rds-engine-version-unavailable'],
    ['kms-logs', 'kms-logs-key-policy'],
    ['missing import', 'python-missing-import'],
    ['instance-class', 'rds-instance-class-incompatible'],
  ])('%s -> %s', (wanted, best) => {
    expect(closestIds(wanted, ids)[0]).toBe(best);
  });
  test('nothing close -> nothing', () => {
    expect(closestIds('zzzz', ids)).toEqual([]);
  });
});

// The build validates signatures/*.yaml into dist/ so a run skips the YAML parser and the
// schema checks. A copy of the package checks what that cache may and may not do.
describe('the compiled catalogue', () => {
  const pkg = path.join(tmp, 'package');
  const sigFile = path.join(pkg, 'signatures', 'kms-logs-key-policy.yaml');
  const log = 'CREATE_FAILED | AWS::Logs::LogGroup | AppLogs (AppLogs1234) Resource handler returned message: "The specified KMS key does not exist or is not allowed to be used with Arn \'arn:aws:logs:eu-west-1:111122223333:log-group:/app/orders\' (Service: CloudWatchLogs, Status Code: 400, Request ID: 0a1b2c3d-1111-4222-8333-444455556666)"\n';
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [path.join(pkg, 'bin', 'stackfix'), ...args], { cwd: pkg, input: '', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const build = () => spawnSync(process.execPath, ['scripts/compile-signatures.js'], { cwd: pkg, encoding: 'utf8' });

  test('is written by the build: classification data and details apart', () => {
    for (const rel of ['bin', 'dist', 'signatures', 'scripts', 'package.json']) fs.cpSync(rel, path.join(pkg, rel), { recursive: true });
    fs.symlinkSync(path.resolve('node_modules'), path.join(pkg, 'node_modules'));
    expect(build().status).toBe(0);
    const core = JSON.parse(fs.readFileSync(path.join(pkg, 'dist', 'signatures.json'), 'utf8')) as { files: Array<{ name: string; signature: Record<string, unknown> }> };
    expect(core.files.map((f) => f.name).sort()).toEqual(bundledIds.map((id) => `${id}.yaml`).sort());
    // what a clean run never reads stays out of the file every run parses
    for (const f of core.files) expect(Object.keys(f.signature)).not.toEqual(expect.arrayContaining(['message']));
    expect(run(['explain', 'kms-logs-key-policy']).stdout).toContain('KMS');
  });

  test('a signature file edited after the build is read from its YAML', () => {
    const text = fs.readFileSync(sigFile, 'utf8');
    fs.writeFileSync(sigFile, text.replace(/^title: .*$/m, 'title: Edited after the build'));
    expect(run(['explain', 'kms-logs-key-policy']).stdout).toContain('Edited after the build');
    const listed = run(['list', '--format', 'json']);
    expect((JSON.parse(listed.stdout) as { signatures: unknown[] }).signatures).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'kms-logs-key-policy', title: 'Edited after the build' })]));
  });

  test('an edited file that no longer validates is reported, not served from the cache', () => {
    fs.writeFileSync(sigFile, fs.readFileSync(sigFile, 'utf8').replace(/^kind: .*$/m, 'kind: sometimes'));
    const r = run(['explain', 'kms-logs-key-policy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kms-logs-key-policy\.yaml: kind: must be 'auto', 'guidance' or 'not-source'/);
  });

  test('a dist/ from another format version is ignored, a corrupt one too', () => {
    fs.writeFileSync(sigFile, fs.readFileSync(path.join('signatures', 'kms-logs-key-policy.yaml'), 'utf8'));
    expect(build().status).toBe(0);
    const core = path.join(pkg, 'dist', 'signatures.json');
    const doc = JSON.parse(fs.readFileSync(core, 'utf8')) as { format: number; files: Array<{ signature: { match: { patterns: string[]; needles: { patterns: unknown[] } } } }> };
    // a cache that lies (a pattern that cannot match) shows whether it is used
    for (const f of doc.files) {
      f.signature.match.patterns = ['never matches this (?<x>y)'];
      f.signature.match.needles.patterns = [null];
    }
    // (the failure is still listed, unrecognised: the run exits 1 either way)
    const found = () => (JSON.parse(run(['--format', 'json', write(log)]).stdout) as { findings: unknown[] }).findings.length;
    fs.writeFileSync(core, JSON.stringify(doc));
    expect(found()).toBe(0);
    fs.writeFileSync(core, JSON.stringify({ ...doc, format: doc.format + 1 }));
    expect(found()).toBeGreaterThan(0);
    fs.writeFileSync(core, '{"format": 3, "files": [');
    expect(found()).toBeGreaterThan(0);
  });

  test('without the details file, a finding and explain read the YAML for them', () => {
    expect(build().status).toBe(0);
    fs.rmSync(path.join(pkg, 'dist', 'signature-details.json'));
    const r = run(['--format', 'json', write(log)]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { findings: Array<{ signature: string; title: string; explanation: string }> };
    expect(doc.findings.map((f) => [f.signature, f.title])).toEqual([['kms-logs-key-policy', "CloudWatch Logs is not allowed to use the log group's KMS key"]]);
    expect(doc.findings[0]!.explanation).toContain('logs.eu-west-1.amazonaws.com');
    expect(run(['explain', 'kms-logs-key-policy']).stdout).toContain('Recognises, for example:');
  });

  function write(text: string): string {
    const file = path.join(pkg, 'deploy.log');
    fs.writeFileSync(file, text);
    return file;
  }
});
