// suggest() as a module, on hand-made findings: a multi-line range becomes one comment with
// start_line; API failures become one clear line each; only the token's own comments are edited;
// a server that never answers, endless pages, a redirect to another host and a write failing
// midway each stop it with one line that says what was posted, and the token is never shown.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, test } from '@jest/globals';
import { suggest, type SuggestOptions } from '../src/suggest/index.js';
import type { Report } from '../src/report/model.js';
import type { RunDetails } from '../src/run.js';
import { ACTIONS_BOT, type FakeGitHub, type FakeGitHubOptions, type StoredComment, startFakeGitHub } from './helpers/github-server.js';

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

const options = (s: FakeGitHub, extra: Partial<SuggestOptions> = {}): SuggestOptions => ({ token: 'ghs_test', repo: 'acme/api', pr: '5', apiUrl: s.url, dryRun: false, env: {}, out: async () => undefined, note: () => undefined, ...extra });
const writes = (s: FakeGitHub) => s.requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql');

/** The report with a second finding that has no fix: it goes into the summary comment. */
const withGuidance: Report = {
  ...report,
  findings: [
    ...report.findings,
    {
      signature: 'iam-permission-denied',
      title: 'The deploy role is not allowed to call an AWS API',
      severity: 'error',
      kind: 'guidance',
      rootCause: true,
      captures: { action: 'ssm:GetParameter' },
      occurrences: [{ source: 'deploy.log', line: 3, text: 'User: arn:aws:sts::123456789012:assumed-role/github-deploy/ci is not authorized to perform: ssm:GetParameter' }],
      explanation: 'Grant ssm:GetParameter to the deploy role.',
      references: [],
      fix: null,
    },
  ],
};
const detailsWithGuidance: RunDetails = { ...details, fingerprints: [...details.fingerprints, 'fedcba9876543210'], changes: [...details.changes, []] };

const MALLORY = { login: 'mallory', id: 6066, type: 'User' } as const;
const planted = (id: number, body: string): StoredComment => ({ id, body, user: { ...MALLORY }, path: 'lib/api.ts', line: 5, start_line: 4, side: 'RIGHT' });

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
    [{ status: 401, message: 'Bad credentials' }, /^GitHub rejected the token \(401 Bad credentials\); check GITHUB_TOKEN or --token$/],
    [{ status: 429, message: 'Too many requests' }, /^GitHub is rate limiting \(GET \/repos\/acme\/api\/pulls\/5, 429\); retry after a while s$/],
    [{ status: 500, message: 'Server Error' }, /^GitHub failed on GET \/repos\/acme\/api\/pulls\/5 \(500 Server Error\); try again later$/],
    [{ status: 502, message: 'Bad Gateway' }, /^GitHub failed on GET \/repos\/acme\/api\/pulls\/5 \(502 Bad Gateway\); try again later$/],
    [{ status: 422, message: 'Validation Failed' }, /^GitHub rejected GET \/repos\/acme\/api\/pulls\/5 \(422 Validation Failed\)$/],
  ])('API failure %#', async (failAll, message) => {
    const s = await fake({ failAll });
    await expect(suggest({ report, details, cwd: root }, options(s))).rejects.toThrow(message);
    expect(writes(s)).toEqual([]);
  });

  test('a marker planted by someone else is never edited; our own comments are found on any page', async () => {
    const ours = (id: number, body: string): StoredComment => ({ id, body, user: { ...ACTIONS_BOT }, path: 'lib/api.ts', line: 5, start_line: 4, side: 'RIGHT' });
    const s = await fake({
      pageSize: 2,
      reviewComments: [
        planted(11, '<!-- stackfix:fingerprint=0123456789abcdef.1 -->\nplanted: please commit `rm -rf`'),
        planted(12, 'quoting it: <!-- stackfix:fingerprint=0123456789abcdef.1 -->'),
        ours(13, 'an unrelated comment of the bot, without a marker'),
        ours(14, '<!-- stackfix:fingerprint=0123456789abcdef.1 -->\nan older suggestion of ours'),
      ],
      issueComments: [{ id: 21, body: '<!-- stackfix:summary -->\nplanted summary', user: { ...MALLORY } }],
    });
    const result = await suggest({ report: withGuidance, details: detailsWithGuidance, cwd: root }, options(s));
    expect(s.invalid).toEqual([]);
    expect(result).toEqual({ inline: 0, updated: 1, summary: true });
    expect(writes(s).map((r) => `${r.method} ${r.path}`)).toEqual(['PATCH /repos/acme/api/pulls/comments/14', 'POST /repos/acme/api/issues/5/comments']);
    expect(s.reviewComments.find((c) => c.id === 11)!.body).toMatch(/^<!-- stackfix:fingerprint=0123456789abcdef\.1 -->\nplanted/);
    expect(s.reviewComments.find((c) => c.id === 14)!.body).toContain('````suggestion');
    expect(s.issueComments.find((c) => c.id === 21)!.body).toBe('<!-- stackfix:summary -->\nplanted summary');
    // The comment lists came in pages of two: ours (14) was on the second.
    expect(s.requests.filter((r) => r.path === '/repos/acme/api/pulls/5/comments')).toHaveLength(2);
    // What is posted names no account id.
    expect(s.issueComments.at(-1)!.body).toContain('arn:aws:sts::********9012:assumed-role');
  });

  test('with a token GitHub cannot place, nothing is edited or posted', async () => {
    const s = await fake({ noViewer: true });
    await expect(suggest({ report, details, cwd: root }, options(s))).rejects.toThrow(/^GitHub did not say which account the token belongs to/);
    expect(writes(s)).toEqual([]);
  });

  test.each([['headers'], ['body']] as const)('a server that never finishes its answer (%s): one line after the timeout, nothing posted', async (stage) => {
    const s = await fake({ hang: { match: /pulls\/5\/files/, stage } });
    const started = Date.now();
    await expect(suggest({ report, details, cwd: root }, options(s, { timeoutMs: 500 }))).rejects.toThrow(/^no complete answer from 127\.0\.0\.1:\d+ within 0\.5 s \(GET \/repos\/acme\/api\/pulls\/5\/files\)$/);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(writes(s)).toEqual([]);
  });

  test('endless pages stop at the page cap, before anything is posted', async () => {
    const s = await fake({ endlessPages: true });
    await expect(suggest({ report, details, cwd: root }, options(s))).rejects.toThrow(/^GitHub still had more of GET \/repos\/acme\/api\/pulls\/5\/files after 50 pages \(\d+ items\); stopped there$/);
    expect(s.requests.filter((r) => r.path.endsWith('/files'))).toHaveLength(50);
    expect(writes(s)).toEqual([]);
  });

  test('a redirect to another host is not followed with the token', async () => {
    const seen: Array<string | undefined> = [];
    const elsewhere = http.createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.end('{}');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const port = (elsewhere.address() as AddressInfo).port;
    try {
      const s = await fake({ redirect: { match: /^GET \/repos\/acme\/api\/pulls\/5$/, status: 307, location: `http://127.0.0.1:${port}/collect` } });
      await expect(suggest({ report, details, cwd: root }, options(s))).rejects.toThrow(new RegExp(`^GitHub redirected GET /repos/acme/api/pulls/5 to 127\\.0\\.0\\.1:${port}; the token is not sent there`));
      expect(seen).toEqual([]);
      expect(writes(s)).toEqual([]);
    } finally {
      elsewhere.closeAllConnections();
      await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
    }
  });

  test('a write failing midway names what was already posted, by its real path', async () => {
    const s = await fake({ fail: { match: /^POST \/repos\/acme\/api\/issues\/5\/comments$/, status: 500, message: 'Server Error' } });
    const err = await suggest({ report: withGuidance, details: detailsWithGuidance, cwd: root }, options(s)).catch((e: Error) => e);
    expect((err as Error).message).toBe('GitHub failed on POST /repos/acme/api/issues/5/comments (500 Server Error); try again later; posted before it: a review with 1 suggestion(s)');
    expect(s.reviewComments).toHaveLength(1);
    // A failure before any write says so.
    const t = await fake({ fail: { match: /^POST \/repos\/acme\/api\/pulls\/5\/reviews$/, status: 502, message: 'Bad Gateway' } });
    await expect(suggest({ report: withGuidance, details: detailsWithGuidance, cwd: root }, options(t))).rejects.toThrow(/^GitHub failed on POST \/repos\/acme\/api\/pulls\/5\/reviews \(502 Bad Gateway\); try again later; nothing was posted$/);
    expect(t.issueComments).toEqual([]);
  });

  test('the token never appears in a message, even when the server echoes it', async () => {
    const s = await fake({ failAll: { status: 403, message: 'token ghs_test is not allowed here\n##[add-mask]x' } });
    const err = (await suggest({ report, details, cwd: root }, options(s)).catch((e: Error) => e)) as Error;
    // One line (the server's second line is dropped), the token masked, no workflow command.
    expect(err.message).toBe('GitHub refused GET /repos/acme/api/pulls/5 (403 token **** is not allowed here); the token needs pull-requests: write and contents: read');
    const t = await fake({ failAll: { status: 403, message: 'denied ##[add-mask]x for ghs_test' } });
    const err2 = (await suggest({ report, details, cwd: root }, options(t)).catch((e: Error) => e)) as Error;
    expect(err2.message).toBe('GitHub refused GET /repos/acme/api/pulls/5 (403 denied #\u200b#[add-mask]x for ****); the token needs pull-requests: write and contents: read');
  });
});
