// `stackfix suggest` end to end: the built CLI as a child process against a local GitHub stand-in
// (test/helpers/github-server.ts) that checks every request body against GitHub's OpenAPI
// description and accepts review comments only on lines of the PR's diff.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, test } from '@jest/globals';
import { type FakeGitHub, type FakeGitHubOptions, startFakeGitHub, validateBody } from './helpers/github-server.js';

const BIN = path.resolve('bin/stackfix');
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-suggest-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

const HEAD = '3f1c2b9e8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c';
const TOKEN = 'ghs_exampletoken0000000000000000000000';
let servers: FakeGitHub[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** A copy of the CDK example as the checked-out repository (the cwd in Actions). */
let copies = 0;
function checkout(): string {
  const dir = path.join(tmpRoot, `repo-${++copies}`);
  fs.cpSync(path.resolve('examples/cdk-ts'), dir, { recursive: true });
  return dir;
}

/** The PR's diff of lib/orders-stack.ts: it touched the instance type and the lifecycle rule. */
function prPatch(repo: string): string {
  const lines = fs.readFileSync(path.join(repo, 'lib/orders-stack.ts'), 'utf8').split('\n');
  const hunk = (start: number, changed: number, old: string) => {
    const out = [`@@ -${start},7 +${start},7 @@`];
    for (let n = start; n < start + 7; n++) {
      if (n === changed) out.push(`-${old}`, `+${lines[n - 1]}`);
      else out.push(` ${lines[n - 1]}`);
    }
    return out.join('\n');
  };
  return [
    hunk(41, 44, '      instanceType: ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.SMALL),'),
    hunk(59, 62, "    repo.addLifecycleRule({ description: 'keep the last 10 images', maxImageCount: 10 });"),
  ].join('\n');
}

async function fake(repo: string, extra: Partial<FakeGitHubOptions> = {}): Promise<FakeGitHub> {
  const s = await startFakeGitHub({
    owner: 'acme',
    repo: 'orders-service',
    pull: 42,
    headSha: HEAD,
    token: TOKEN,
    files: [
      { filename: 'lib/orders-stack.ts', status: 'modified', patch: prPatch(repo) },
      { filename: 'assets/logo.png', status: 'added' },
    ],
    ...extra,
  });
  servers.push(s);
  return s;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function suggest(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, 'suggest', 'deploy.log', ...args],
      { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env }, timeout: 90_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

const ENV = (s: FakeGitHub, event?: string): Record<string, string> => ({
  GITHUB_TOKEN: TOKEN,
  GITHUB_REPOSITORY: 'acme/orders-service',
  GITHUB_API_URL: s.url,
  ...(event ? { GITHUB_EVENT_PATH: event } : {}),
});

function pullRequestEvent(dir: string): string {
  const file = path.join(dir, 'event.json');
  fs.writeFileSync(file, JSON.stringify({ action: 'synchronize', number: 42, pull_request: { number: 42, head: { sha: HEAD } } }));
  return file;
}

// What changes the pull request (the GraphQL `viewer` query only reads).
const writes = (s: FakeGitHub) => s.requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql');

describe('stackfix suggest', () => {
  test('the OpenAPI check itself rejects a body GitHub would refuse', () => {
    expect(validateBody('POST', '/repos/acme/orders-service/pulls/42/reviews', { event: 'COMMENT', comments: [{ path: 'a.ts', line: 'three', body: 'x' }] })).not.toEqual([]);
    expect(validateBody('POST', '/repos/acme/orders-service/issues/42/comments', { body: 'hello' })).toEqual([]);
  });

  test('in-diff fixes become suggestions, the rest one summary comment; a rerun edits instead of adding', async () => {
    const repo = checkout();
    const s = await fake(repo);
    const event = pullRequestEvent(tmpRoot);
    const first = await suggest(repo, [], ENV(s, event));
    expect(first.stderr).toMatch(/posted 2 suggestion\(s\)/);
    expect(first.code).toBe(1); // findings remain until the suggestions are committed
    expect(s.invalid).toEqual([]);

    // One review with the two changes inside the PR's hunks, on the head commit.
    expect(s.reviews).toHaveLength(1);
    expect(s.reviews[0]).toMatchObject({ commit_id: HEAD, event: 'COMMENT' });
    const byLine = new Map(s.reviewComments.map((c) => [c.line, c]));
    expect([...byLine.keys()].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([43, 60]);
    const rds = byLine.get(43)!;
    expect(rds.path).toBe('lib/orders-stack.ts');
    expect(rds.start_line).toBeNull();
    expect(rds.body).toMatch(/<!-- stackfix:fingerprint=[0-9a-f]{16}\.1 -->/);
    expect(rds.body).toContain('````suggestion\n      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_15_8 }),\n````');
    // The README shows this very comment.
    const readme = fs.readFileSync('README.md', 'utf8');
    const shown = /from `stackfix suggest --dry-run`\):\n\n`````markdown\n([^]*?)\n`````/.exec(readme);
    expect(shown?.[1]).toBe(rds.body);
    expect(byLine.get(60)!.body).toContain('      emptyOnDelete: true, // dev stacks are torn down often\n````');

    // The KMS fix changes lines 3 and 24, outside the diff: the summary carries its patch.
    expect(s.issueComments).toHaveLength(1);
    const summary = s.issueComments[0]!.body;
    expect(summary).toContain('<!-- stackfix:summary -->');
    expect(summary).toMatch(/kms-logs-key-policy/);
    expect(summary).toMatch(/```diff\n[^]*\+import \* as iam from 'aws-cdk-lib\/aws-iam';/);
    expect(summary).toContain('`lib/orders-stack.ts:24` is outside this pull request\'s diff');
    expect(summary).toMatch(/2 finding\(s\) are posted as suggestions on the diff/);
    expect(summary).not.toMatch(/### .*rds-engine-version-unavailable/);

    // Rerun on the same PR: nothing new; a comment someone's edit made stale is put back.
    const stale = s.reviewComments.find((c) => c.line === 60)!;
    const marker = /<!-- stackfix:fingerprint=\S+ -->/.exec(stale.body)![0];
    stale.body = `${marker}\nan older suggestion`;
    const before = s.requests.length;
    const second = await suggest(repo, ['--pr', '42'], ENV(s));
    expect(second.code).toBe(1);
    const again = s.requests.slice(before).filter((r) => r.method !== 'GET' && r.path !== '/graphql');
    expect(again.map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /repos/acme/orders-service/pulls/comments/${stale.id}`]);
    expect(s.reviewComments).toHaveLength(2);
    expect(s.issueComments).toHaveLength(1);
    expect(stale.body).toContain('emptyOnDelete: true');
    expect(s.invalid).toEqual([]);
  }, 120_000);

  test('a suggestion a later run no longer proposes is retired, once, and comes back with its change', async () => {
    const repo = checkout();
    const s = await fake(repo);
    const env = ENV(s, pullRequestEvent(tmpRoot));
    const log = fs.readFileSync(path.join(repo, 'deploy.log'), 'utf8');
    expect((await suggest(repo, [], env)).code).toBe(1);
    const ecr = s.reviewComments.find((c) => c.line === 60)!;
    const rds = s.reviewComments.find((c) => c.line === 43)!;
    const suggested = ecr.body;
    const rdsBody = rds.body;
    expect(suggested).toContain('````suggestion');

    // The deprecation is gone from the next deploy (the user fixed it by hand another way).
    fs.writeFileSync(path.join(repo, 'deploy.log'), log.replace(/\[WARNING\] aws-cdk-lib\.aws_ecr\.RepositoryProps#autoDeleteImages is deprecated\.\n(?: {2}.*\n)+/, ''));
    let before = s.requests.length;
    expect((await suggest(repo, [], env)).code).toBe(1);
    const third = writes({ requests: s.requests.slice(before) } as FakeGitHub).map((r) => `${r.method} ${r.path}`);
    expect(third).toContain(`PATCH /repos/acme/orders-service/pulls/comments/${ecr.id}`);
    // still proposed (its evidence line moved up with the log)
    expect(rds.body).toBe(rdsBody.replace('deploy.log:53', 'deploy.log:50'));
    expect(ecr.body).toMatch(/^<!-- stackfix:fingerprint=[0-9a-f]{16}\.1 -->\n\*\*stackfix\*\*: this suggestion is no longer current: the run on commit 3f1c2b9 does not propose it here/);
    expect(ecr.body).not.toContain('suggestion\n');
    expect(s.invalid).toEqual([]);

    // Retired once: the next run with the same log writes nothing.
    before = s.requests.length;
    await suggest(repo, [], env);
    expect(writes({ requests: s.requests.slice(before) } as FakeGitHub)).toEqual([]);

    // The deprecation is back: the same comment carries the suggestion again.
    fs.writeFileSync(path.join(repo, 'deploy.log'), log);
    await suggest(repo, [], env);
    expect(ecr.body).toBe(suggested);
    expect(s.reviewComments).toHaveLength(2);
  }, 120_000);

  test('a comment GitHub rejects (422) moves into the summary; the others are still posted', async () => {
    const repo = checkout();
    const s = await fake(repo, { rejectLines: ['lib/orders-stack.ts:43'] });
    const r = await suggest(repo, ['--pr', '42'], ENV(s));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/posting its comments one by one/);
    expect(s.invalid).toEqual([]);
    // The review was refused as a whole, then each comment was tried on its own.
    expect(s.requests.filter((q) => q.path.endsWith('/reviews')).map((q) => q.status)).toEqual([422]);
    expect(s.reviewComments.map((c) => c.line)).toEqual([60]);
    const summary = s.issueComments[0]!.body;
    expect(summary).toMatch(/### .*rds-engine-version-unavailable/);
    expect(summary).toMatch(/GitHub did not take the suggestion on `lib\/orders-stack.ts:43` \(422: [^)]*could not be resolved/);
    expect(summary).toContain('+      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_15_8 }),');
  }, 120_000);

  test('a bad token is one line on stderr and exit 2', async () => {
    const repo = checkout();
    const s = await fake(repo);
    const r = await suggest(repo, ['--pr', '42'], { ...ENV(s), GITHUB_TOKEN: 'ghp_revoked' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^stackfix: GitHub rejected the token \(401 Bad credentials\)/);
    expect(r.stdout).toBe('');
    expect(writes(s)).toEqual([]);
  }, 120_000);

  test('a GitHub that never answers: one line after --timeout, exit 2, the token not shown', async () => {
    const repo = checkout();
    const s = await fake(repo, { hang: { match: /^GET \/repos\/acme\/orders-service\/pulls\/42$/, stage: 'headers' } });
    const started = Date.now();
    const r = await suggest(repo, ['--pr', '42', '--timeout', '1'], ENV(s));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^stackfix: no complete answer from 127\.0\.0\.1:\d+ within 1 s \(GET \/repos\/acme\/orders-service\/pulls\/42\)\n$/);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain(TOKEN);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(writes(s)).toEqual([]);
  }, 120_000);

  test('missing PR number or token are usage errors before anything is read', async () => {
    const repo = checkout();
    const s = await fake(repo);
    const noPr = await suggest(repo, [], ENV(s));
    expect(noPr.code).toBe(2);
    expect(noPr.stderr).toMatch(/^stackfix: no pull request: pass --pr N/);
    const noToken = await suggest(repo, ['--pr', '42'], { GITHUB_REPOSITORY: 'acme/orders-service', GITHUB_API_URL: s.url });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/^stackfix: no token/);
    expect(s.requests).toEqual([]);
  }, 120_000);

  test('--dry-run prints the requests and sends none', async () => {
    const repo = checkout();
    const s = await fake(repo);
    const r = await suggest(repo, ['--pr', '42', '--dry-run', '--api-url', s.url], { GITHUB_REPOSITORY: 'acme/orders-service', GITHUB_TOKEN: TOKEN });
    expect(r.code).toBe(1);
    expect(s.requests).toEqual([]);
    const blocks = r.stdout.trim().split(/\n\n(?=(?:POST|PATCH) )/);
    expect(blocks[0]).toMatch(/^POST \/repos\/acme\/orders-service\/pulls\/42\/reviews\n\{/);
    const body = JSON.parse(blocks[0]!.slice(blocks[0]!.indexOf('\n') + 1)) as { comments: Array<{ line: number }> };
    expect(body.comments.map((c) => c.line).sort((a, b) => a - b)).toEqual([3, 24, 43, 60]);
    // What it prints is what GitHub's schema accepts.
    expect(validateBody('POST', '/repos/acme/orders-service/pulls/42/reviews', { ...body, commit_id: HEAD })).toEqual([]);
  }, 120_000);
});
