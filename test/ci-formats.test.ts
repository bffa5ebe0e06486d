// The CI formats: SARIF and rdjson of the demo validated against their published schemas, the
// patch applied with git in a clean copy, and the GitHub workflow commands and Markdown of
// hand-made findings (with and without a location, a patch full of backticks, more findings
// than GitHub shows annotations for) compared line by line.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Ajv } from 'ajv';
import { renderGithub, escapeData, escapeProperty } from '../src/report/github.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { findingRegions } from '../src/report/changes.js';
import type { Report, ReportFinding } from '../src/report/model.js';
import type { RunDetails } from '../src/run.js';

const require = createRequire(import.meta.url);
const BIN = path.resolve('bin/stackfix');
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-ci-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

function copyExample(name: string): string {
  const dest = path.join(tmpRoot, `${name}-${fs.readdirSync(tmpRoot).length}`);
  fs.cpSync(path.resolve('examples', name), dest, { recursive: true });
  return dest;
}

describe('formats of the demo (examples/cdk-ts)', () => {
  const out = path.join(tmpRoot, 'out');
  let run: ReturnType<typeof spawnSync>;
  let repo: string;
  beforeAll(() => {
    fs.mkdirSync(out);
    repo = copyExample('cdk-ts');
    // One run writes several reports; the working directory is the repository root.
    run = spawnSync(
      process.execPath,
      [BIN, 'deploy.log', '--project', '.', '--format', 'json', ...['sarif', 'rdjson', 'patch', 'github', 'markdown'].flatMap((f) => ['-o', `${f}=${path.join(out, `demo.${f}`)}`])],
      { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 90_000 },
    );
  }, 120_000);
  const read = (f: string) => fs.readFileSync(path.join(out, `demo.${f}`), 'utf8');

  test('exit code and stdout are those of --format json; no temp files are left', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout as string).findings).toHaveLength(3);
    expect(fs.readdirSync(out).sort()).toEqual(['demo.github', 'demo.markdown', 'demo.patch', 'demo.rdjson', 'demo.sarif']);
  });

  test('SARIF validates against the SARIF 2.1.0 schema and has what GitHub code scanning needs', () => {
    const schemaFile = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json');
    const { default: AjvDraft04 } = require('ajv-draft-04') as typeof import('ajv-draft-04');
    const ajv = new AjvDraft04({ strict: false, validateFormats: false, allErrors: true, unicodeRegExp: false });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object);
    const sarif = JSON.parse(read('sarif')) as {
      version: string;
      runs: Array<{
        tool: { driver: { name: string; rules: Array<{ id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string } }> } };
        originalUriBaseIds: { SRCROOT: { uri: string } };
        results: Array<{
          ruleId: string;
          ruleIndex: number;
          level: string;
          message: { text: string };
          locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } } }>;
          partialFingerprints: Record<string, string>;
          fixes?: Array<{ artifactChanges: Array<{ artifactLocation: { uri: string }; replacements: Array<{ deletedRegion: { startLine: number }; insertedContent: { text: string } }> }> }>;
        }>;
      }>;
    };
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    const r = sarif.runs[0]!;
    expect(sarif.version).toBe('2.1.0');
    expect(r.tool.driver.name).toBe('stackfix');
    expect(r.tool.driver.rules.map((x) => x.id).sort()).toEqual(['ecr-auto-delete-images-deprecated', 'kms-logs-key-policy', 'rds-engine-version-unavailable']);
    for (const rule of r.tool.driver.rules) {
      expect(rule.shortDescription.text).not.toBe('');
      expect(rule.fullDescription.text).not.toMatch(/\{[a-z]+\}/);
      expect(rule.help.text).not.toBe('');
    }
    expect(r.originalUriBaseIds.SRCROOT.uri).toBe(`file://${fs.realpathSync(repo)}/`);
    for (const res of r.results) {
      expect(r.tool.driver.rules[res.ruleIndex]!.id).toBe(res.ruleId);
      expect(res.partialFingerprints['stackfixFingerprint/v1']).toMatch(/^[0-9a-f]{16}$/);
      expect(res.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'lib/orders-stack.ts', uriBaseId: 'SRCROOT' });
    }
    const rds = r.results.find((x) => x.ruleId === 'rds-engine-version-unavailable')!;
    expect(rds.level).toBe('error');
    expect(rds.locations[0]!.physicalLocation.region.startLine).toBe(43);
    const change = rds.fixes![0]!.artifactChanges[0]!;
    expect(change.replacements).toEqual([
      {
        deletedRegion: { startLine: 43, startColumn: 1, endLine: 44, endColumn: 1 },
        insertedContent: { text: '      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_15_8 }),\n' },
      },
    ]);
  });

  test('rdjson validates against the Reviewdog Diagnostic Format schema, one suggestion per changed range', () => {
    const { rdformatSchema } = require('@umbrelladocs/rdformat-validator') as { rdformatSchema: { oneOf: object[] } };
    const validate = new Ajv({ strict: false, allErrors: true }).compile(rdformatSchema.oneOf[2]!);
    const rd = JSON.parse(read('rdjson')) as { diagnostics: Array<{ location: { path: string; range: { start: { line: number } } }; code: { value: string }; suggestions?: Array<{ text: string }> }> };
    expect(validate(rd) ? [] : validate.errors).toEqual([]);
    const lines = rd.diagnostics.map((d) => `${d.code.value} ${d.location.path}:${d.location.range.start.line}`);
    expect(lines).toEqual([
      'ecr-auto-delete-images-deprecated lib/orders-stack.ts:60',
      'kms-logs-key-policy lib/orders-stack.ts:3',
      'kms-logs-key-policy lib/orders-stack.ts:24',
      'rds-engine-version-unavailable lib/orders-stack.ts:43',
    ]);
    expect(rd.diagnostics[1]!.suggestions![0]!.text).toBe("import * as ecr from 'aws-cdk-lib/aws-ecr';\nimport * as iam from 'aws-cdk-lib/aws-iam';\n");
  });

  test('the patch applies with git in a clean copy and gives what --fix writes', () => {
    const clean = copyExample('cdk-ts');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: clean, encoding: 'utf8' });
    git('init', '-q');
    git('apply', '--check', path.join(out, 'demo.patch'));
    git('apply', path.join(out, 'demo.patch'));
    const fixed = copyExample('cdk-ts');
    const r = spawnSync(process.execPath, [BIN, 'deploy.log', '--project', '.', '--fix'], { cwd: fixed, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 90_000 });
    expect(r.status).toBe(0);
    expect(fs.readFileSync(path.join(clean, 'lib/orders-stack.ts'), 'utf8')).toBe(fs.readFileSync(path.join(fixed, 'lib/orders-stack.ts'), 'utf8'));
    expect(read('patch').match(/^diff --git /gm)).toHaveLength(1);
  }, 120_000);

  // The KMS fix adds an import at line 3 and the statement after line 24: the annotation sits
  // where the statement goes, not on the import.
  test('github annotations point at the fixed lines, relative to the working directory', () => {
    const lines = read('github').trim().split('\n');
    expect(lines.map((l) => l.slice(0, l.indexOf('::', 2)))).toEqual([
      "::error title=CloudWatch Logs is not allowed to use the log group's KMS key [kms-logs-key-policy],file=lib/orders-stack.ts,line=24,endLine=24",
      '::error title=RDS engine version not offered in this region [rds-engine-version-unavailable],file=lib/orders-stack.ts,line=43,endLine=43',
      '::warning title=ECR repository uses the deprecated autoDeleteImages property [ecr-auto-delete-images-deprecated],file=lib/orders-stack.ts,line=60,endLine=60',
    ]);
  });

  test("the README's job-summary example is what --format markdown prints for the demo", () => {
    const readme = fs.readFileSync('README.md', 'utf8');
    const start = readme.indexOf('<!-- generated by: cd examples/cdk-ts && stackfix deploy.log --format markdown -->');
    expect(start).toBeGreaterThan(0);
    const block = /`````markdown\n([^]*?)\n`````/.exec(readme.slice(start))![1];
    expect(`${block}\n`).toBe(read('markdown'));
  });

  test('a bad --output is a usage error before the log is read', () => {
    const r = spawnSync(process.execPath, [BIN, 'deploy.log', '-o', 'pdf=x.pdf'], { cwd: repo, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/expected FORMAT=FILE with FORMAT one of text, json, sarif, github, markdown, rdjson, patch/);
    const r2 = spawnSync(process.execPath, [BIN, 'deploy.log', '-o', `sarif=${path.join(tmpRoot, 'no-such-dir', 'x.sarif')}`], { cwd: repo, encoding: 'utf8' });
    expect(r2.status).toBe(2);
    expect(r2.stderr.trim().split('\n')).toHaveLength(1);
    expect(r2.stderr).toMatch(/does not exist/);
  });
});

// Hand-made findings in the shapes the pipeline produces.
const projectRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-ci-proj-'));
afterAll(() => fs.rmSync(projectRoot, { recursive: true, force: true }));

const HANDLER_BEFORE = [
  "import * as lambda from 'aws-cdk-lib/aws-lambda';",
  '',
  '// Inline code: ```js fenced in the docs```',
  'const fn = new lambda.Function(this, "Api", {',
  '  runtime: lambda.Runtime.NODEJS_16_X,',
  '  code: lambda.Code.fromInline(`exports.handler = async () => ({ statusCode: 200 })`),',
  "  handler: 'index.handler',",
  '});',
  '',
].join('\n');
const HANDLER_AFTER = HANDLER_BEFORE.replace('NODEJS_16_X', 'NODEJS_20_X').replace('```js fenced in the docs```', '````js fenced in the docs````');

function finding(over: Partial<ReportFinding> = {}): ReportFinding {
  return {
    signature: 'lambda-runtime-deprecated',
    title: 'Lambda runtime is no longer supported',
    severity: 'error',
    kind: 'auto',
    rootCause: true,
    captures: { runtime: 'nodejs16.x' },
    occurrences: [{ source: 'deploy.log', line: 31, text: 'ApiStack | 3/9 | 9:02:11 AM | CREATE_FAILED | AWS::Lambda::Function | Api (Api8C3D1F2A) Resource handler returned message: "The runtime parameter of nodejs16.x is no longer supported, 50%, a:b,c"', resource: 'Api8C3D1F2A' }],
    explanation: 'AWS Lambda no longer accepts nodejs16.x for new functions.\nThe fix moves the function to the next supported runtime.',
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html'],
    fix: {
      codemod: 'set-lambda-runtime',
      status: 'proposed',
      reason: 'nodejs16.x -> nodejs20.x in lib/api.ts:5',
      files: ['lib/api.ts'],
      patch: "# stackfix lambda-runtime-deprecated: Lambda runtime is no longer supported\n# evidence deploy.log:31: ...\n# why: nodejs16.x -> nodejs20.x\ndiff --git a/lib/api.ts b/lib/api.ts\n--- a/lib/api.ts\n+++ b/lib/api.ts\n@@ -1,8 +1,8 @@\n import * as lambda from 'aws-cdk-lib/aws-lambda';\n \n-// Inline code: ```js fenced in the docs```\n+// Inline code: ````js fenced in the docs````\n const fn = new lambda.Function(this, \"Api\", {\n-  runtime: lambda.Runtime.NODEJS_16_X,\n+  runtime: lambda.Runtime.NODEJS_20_X,\n   code: lambda.Code.fromInline(`exports.handler = async () => ({ statusCode: 200 })`),\n   handler: 'index.handler',\n });\n",
    },
    ...over,
  };
}

const guidance = (i: number, severity: 'error' | 'warning'): ReportFinding => ({
  signature: severity === 'error' ? 'iam-access-denied' : 'cdk-feature-flag-warning',
  title: severity === 'error' ? 'The deploy role is not allowed to call an AWS API' : 'A CDK feature flag is not set',
  severity,
  kind: 'guidance',
  rootCause: true,
  captures: {},
  occurrences: [{ source: 'logs/pulumi-up.log', line: 100 + i, text: `error: creating IAM Role (role-${i}): AccessDenied: User: arn:aws:sts::123456789012:assumed-role/deploy/ci is not authorized` }],
  explanation: 'Grant the action to the deploy role.',
  references: [],
  fix: null,
});

function report(findings: ReportFinding[]): Report {
  return { version: 1, tool: { name: 'stackfix', version: '0.1.0' }, inputs: [{ source: 'deploy.log', format: 'cdk-text', lines: 40 }], findings, unclassified: [] };
}

function details(n: number, withFix: number[]): RunDetails {
  const change = { rel: 'lib/api.ts', before: HANDLER_BEFORE, after: HANDLER_AFTER };
  return {
    projectRoot: fs.realpathSync(projectRoot),
    fingerprints: Array.from({ length: n }, (_, i) => `${i}`.padStart(16, 'a')),
    changes: Array.from({ length: n }, (_, i) => (withFix.includes(i) ? [change] : [])),
    files: withFix.length ? [change] : [],
  };
}

describe('github workflow commands', () => {
  test('escaping of data and properties follows the workflow-command rules', () => {
    expect(escapeData('50% done\r\nnext: a,b')).toBe('50%25 done%0D%0Anext: a,b');
    expect(escapeProperty('50% done\r\nnext: a,b')).toBe('50%25 done%0D%0Anext%3A a%2Cb');
  });

  test('a finding with a fix and one without: exact commands', () => {
    const r = report([finding(), guidance(0, 'error')]);
    const text = renderGithub({ report: r, details: details(2, [0]), cwd: projectRoot });
    expect(text).toBe(
      [
        '::error title=Lambda runtime is no longer supported [lambda-runtime-deprecated],file=lib/api.ts,line=3,endLine=3::AWS Lambda no longer accepts nodejs16.x for new functions. The fix moves the function to the next supported runtime.%0A%0AEvidence deploy.log:31 (Api8C3D1F2A): ApiStack | 3/9 | 9:02:11 AM | CREATE_FAILED | AWS::Lambda::Function | Api (Api8C3D1F2A) Resource handler returned message: "The runtime parameter of nodejs16.x is no longer supported, 50%25, a:b,c"%0A%0AFix proposed (set-lambda-runtime): nodejs16.x -> nodejs20.x in lib/api.ts:5',
        '::error title=The deploy role is not allowed to call an AWS API [iam-access-denied],file=logs/pulumi-up.log,line=100::Grant the action to the deploy role.%0A%0AEvidence logs/pulumi-up.log:100: error: creating IAM Role (role-0): AccessDenied: User: arn:aws:sts::123456789012:assumed-role/deploy/ci is not authorized',
        '',
      ].join('\n'),
    );
  });

  test('past 10 errors and 10 warnings the rest is one notice; fixable errors come first', () => {
    const findings = [...Array.from({ length: 14 }, (_, i) => guidance(i, 'error')), ...Array.from({ length: 12 }, (_, i) => guidance(20 + i, 'warning')), finding()];
    const lines = renderGithub({ report: report(findings), details: details(findings.length, [26]), cwd: projectRoot }).trim().split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(10);
    expect(lines[0]).toMatch(/^::error title=Lambda runtime/);
    expect(lines[lines.length - 1]).toBe('::notice title=stackfix::7 more finding(s) not shown as annotations (GitHub shows 10 errors and 10 warnings per step); the job summary lists every finding.');
    expect(lines).toHaveLength(21);
  });
});

describe('markdown', () => {
  test('a patch with backtick runs gets a longer fence; evidence, explanation and status per finding', () => {
    const md = renderMarkdown(report([finding(), guidance(0, 'error')]));
    expect(md).toBe(
      [
        '## stackfix: 2 finding(s), 1 fix(es) proposed, 1 to fix by hand',
        '',
        '### ❌ Lambda runtime is no longer supported (`lambda-runtime-deprecated`)',
        '',
        '**Evidence** `deploy.log:31` (`Api8C3D1F2A`):',
        '',
        '```text',
        'ApiStack | 3/9 | 9:02:11 AM | CREATE_FAILED | AWS::Lambda::Function | Api (Api8C3D1F2A) Resource handler returned message: "The runtime parameter of nodejs16.x is no longer supported, 50%, a:b,c"',
        '```',
        '',
        'AWS Lambda no longer accepts nodejs16.x for new functions.',
        'The fix moves the function to the next supported runtime.',
        '',
        'See <https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html>',
        '',
        '**Fix proposed** (`set-lambda-runtime`): nodejs16.x -> nodejs20.x in lib/api.ts:5',
        '',
        '`````diff',
        'diff --git a/lib/api.ts b/lib/api.ts',
        '--- a/lib/api.ts',
        '+++ b/lib/api.ts',
        '@@ -1,8 +1,8 @@',
        " import * as lambda from 'aws-cdk-lib/aws-lambda';",
        ' ',
        '-// Inline code: ```js fenced in the docs```',
        '+// Inline code: ````js fenced in the docs````',
        ' const fn = new lambda.Function(this, "Api", {',
        '-  runtime: lambda.Runtime.NODEJS_16_X,',
        '+  runtime: lambda.Runtime.NODEJS_20_X,',
        '   code: lambda.Code.fromInline(`exports.handler = async () => ({ statusCode: 200 })`),',
        "   handler: 'index.handler',",
        ' });',
        '`````',
        '',
        '### ❌ The deploy role is not allowed to call an AWS API (`iam-access-denied`)',
        '',
        '**Evidence** `logs/pulumi-up.log:100`:',
        '',
        '```text',
        'error: creating IAM Role (role-0): AccessDenied: User: arn:aws:sts::123456789012:assumed-role/deploy/ci is not authorized',
        '```',
        '',
        'Grant the action to the deploy role.',
        '',
      ].join('\n'),
    );
  });

  test('over the size limit the patches are left out, with a note', () => {
    const md = renderMarkdown(report([finding()]), { maxChars: 900 });
    expect(md.length).toBeLessThanOrEqual(900);
    expect(md).not.toContain('```diff');
    expect(md).toContain('run `stackfix --format patch` to get it');
  });
});

describe('regions', () => {
  test('an edit made on top of an earlier fix is mapped back onto the file on disk', () => {
    const disk = 'a\nb\nc\nd\ne\n';
    const first = { rel: 'x.ts', before: disk, after: 'INSERTED\na\nb\nc\nd\ne\n' };
    const second = { rel: 'x.ts', before: first.after, after: 'INSERTED\na\nb\nc\nD1\nD2\ne\n' };
    const d: RunDetails = { projectRoot, fingerprints: ['f1', 'f2'], changes: [[first], [second]], files: [{ rel: 'x.ts', before: disk, after: second.after }] };
    expect(findingRegions(d, 0)).toEqual([{ file: 'x.ts', startLine: 1, endLine: 1, old: ['a'], lines: ['INSERTED', 'a'], fileLines: 5 }]);
    expect(findingRegions(d, 1)).toEqual([{ file: 'x.ts', startLine: 4, endLine: 4, old: ['d'], lines: ['D1', 'D2'], fileLines: 5 }]);
  });
});
