// suggest() as a module, on hand-made findings: a multi-line range becomes one comment with
// start_line, and API failures become one clear line each.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, test } from '@jest/globals';
import { suggest, type SuggestOptions } from '../src/suggest/index.js';
import type { Report } from '../src/report/model.js';
import type { RunDetails } from '../src/run.js';
import { type FakeGitHub, type FakeGitHubOptions, startFakeGitHub } from './helpers/github-server.js';

const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-suggest-mod-')));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let servers: FakeGitHub[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

const BEFORE = ['import * as lambda from "aws-cdk-lib/aws-lambda";', '', 'new lambda.Function(this, "Api", {', '  runtime: lambda.Runtime.PYTHON_3_7,', '  handler: "app.handler",', '  code: lambda.Code.fromAsset("src"),', '});', ''].join('\n');
const AFTER = BEFORE.replace('  runtime: lambda.Runtime.PYTHON_3_7,\n  handler: "app.handler",', '  runtime: lambda.Runtime.PYTHON_3_12, // python3.7 is no longer accepted\n  handler: "app.main",');

const report: Report = {
  version: 1,
  tool: { name: 'stackfix', version: '0.1.0' },
  inputs: [{ source: 'deploy.log', format: 'cdk-text', lines: 20 }],
  findings: [
    {
      signature: 'lambda-runtime-deprecated',
      title: 'Lambda runtime is no longer supported',
      severity: 'error',
      kind: 'auto',
      rootCause: true,
      captures: { runtime: 'python3.7' },
      occurrences: [{ source: 'deploy.log', line: 12, text: 'The runtime parameter of python3.7 is no longer supported for creating or updating AWS Lambda functions.', resource: 'Api8C3D1F2A' }],
      explanation: 'AWS Lambda no longer accepts python3.7.',
      references: [],
      fix: { codemod: 'set-lambda-runtime', status: 'proposed', files: ['lib/api.ts'], patch: 'diff --git a/lib/api.ts b/lib/api.ts\n' },
    },
  ],
  unclassified: [],
};
const change = { rel: 'lib/api.ts', before: BEFORE, after: AFTER };
const details: RunDetails = { projectRoot: root, fingerprints: ['0123456789abcdef'], changes: [[change]], files: [change] };

async function fake(extra: Partial<FakeGitHubOptions> = {}) {
  const s = await startFakeGitHub({
    owner: 'acme',
    repo: 'api',
    pull: 5,
    headSha: 'a'.repeat(40),
    token: 'ghs_test',
    files: [{ filename: 'lib/api.ts', status: 'added', patch: `@@ -0,0 +1,7 @@\n${BEFORE.trimEnd().split('\n').map((l) => `+${l}`).join('\n')}` }],
    ...extra,
  });
  servers.push(s);
  return s;
}

const options = (s: FakeGitHub): SuggestOptions => ({ token: 'ghs_test', repo: 'acme/api', pr: '5', apiUrl: s.url, dryRun: false, env: {}, out: async () => undefined, note: () => undefined });

describe('suggest()', () => {
  test('a range of several lines is one comment from start_line to line', async () => {
    const s = await fake();
    const result = await suggest({ report, details, cwd: root }, options(s));
    expect(result).toEqual({ inline: 1, updated: 0, summary: false });
    expect(s.invalid).toEqual([]);
    expect(s.reviewComments).toHaveLength(1);
    const c = s.reviewComments[0]!;
    expect([c.path, c.start_line, c.line]).toEqual(['lib/api.ts', 4, 5]);
    expect(c.body).toContain('````suggestion\n  runtime: lambda.Runtime.PYTHON_3_12, // python3.7 is no longer accepted\n  handler: "app.main",\n````');
  });

  test.each([
    [{ status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1767225600' }, message: 'API rate limit exceeded' }, /^GitHub API rate limit exhausted \(GET \/repos\/acme\/api\/pulls\/5, 403\); it resets at 2026-01-01T00:00:00.000Z$/],
    [{ status: 403, headers: { 'retry-after': '60' }, message: 'You have exceeded a secondary rate limit' }, /^GitHub is rate limiting \(GET \/repos\/acme\/api\/pulls\/5, 403\); retry after 60 s$/],
    [{ status: 403, message: 'Resource not accessible by integration' }, /^GitHub refused GET \/repos\/acme\/api\/pulls\/5 \(403 Resource not accessible by integration\); the token needs pull-requests: write/],
    [{ status: 404, message: 'Not Found' }, /^GET \/repos\/acme\/api\/pulls\/5: not found \(404\); check --repo acme\/api, --pr 5/],
  ])('API failure %#', async (failAll, message) => {
    const s = await fake({ failAll });
    await expect(suggest({ report, details, cwd: root }, options(s))).rejects.toThrow(message);
    expect(s.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});
