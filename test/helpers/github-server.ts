// A local stand-in for the parts of the GitHub REST API `stackfix suggest` uses, on 127.0.0.1
// with a random port. Every request body is validated against the operation's requestBody
// schema in GitHub's published OpenAPI description (@octokit/openapi), and review comments are
// accepted only on RIGHT-side lines of one hunk of the PR's diff, as GitHub does (422 otherwise,
// and then the whole review is rejected). Lists are paginated as GitHub does (`page`, `per_page`,
// a `Link: <...>; rel="next"` header); comments carry their author (`user.login`, `user.id`), and
// GraphQL `viewer` answers who the token is.
//
// Faults on demand: a server that never answers (or answers the headers and never the body),
// endless pages, a redirect to another host, one request failing with a given status, and
// comments planted by another user.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';

type Json = Record<string, unknown>;

interface OpenApi {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Json }> } }>>;
  components: Record<string, Record<string, Json>>;
}

let spec: OpenApi | undefined;
const compiled = new Map<string, ReturnType<Ajv['compile']> | null>();
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });

/** api.github.com.json (13 MB; the dereferenced variant is 73 MB): read once per test file. */
function openapi(): OpenApi {
  if (!spec) {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@octokit/openapi/package.json'));
    spec = JSON.parse(fs.readFileSync(path.join(dir, 'generated', 'api.github.com.json'), 'utf8')) as OpenApi;
  }
  return spec;
}

/** Inlines `#/components/...` references (request bodies use few, none recursive). */
function deref(node: unknown, doc: OpenApi, depth = 0): unknown {
  if (depth > 40) throw new Error('schema too deep');
  if (Array.isArray(node)) return node.map((n) => deref(n, doc, depth + 1));
  if (!node || typeof node !== 'object') return node;
  const obj = node as Json;
  if (typeof obj.$ref === 'string') {
    const parts = obj.$ref.replace(/^#\//, '').split('/');
    let target: unknown = doc;
    for (const p of parts) target = (target as Json)[p];
    return deref(target, doc, depth + 1);
  }
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, deref(v, doc, depth + 1)]));
}

/** The OpenAPI path template a concrete path belongs to (the most literal one). */
export function operationPath(method: string, concrete: string): string | undefined {
  const doc = openapi();
  const matches = Object.keys(doc.paths).filter((t) => doc.paths[t]![method.toLowerCase()] && new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(concrete));
  return matches.sort((a, b) => (a.match(/\{/g) ?? []).length - (b.match(/\{/g) ?? []).length)[0];
}

/** Errors of `body` against the requestBody schema of METHOD path; [] when valid. */
export function validateBody(method: string, concrete: string, body: unknown): string[] {
  const template = operationPath(method, concrete);
  if (!template) return [`no operation ${method} ${concrete} in GitHub's OpenAPI description`];
  const key = `${method} ${template}`;
  if (!compiled.has(key)) {
    const schema = openapi().paths[template]![method.toLowerCase()]!.requestBody?.content?.['application/json']?.schema;
    compiled.set(key, schema ? ajv.compile(deref(schema, openapi()) as Json) : null);
  }
  const validate = compiled.get(key);
  if (!validate) return body === undefined ? [] : [`${key} takes no body`];
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${key}: ${e.instancePath || '/'} ${e.message}`);
}

export interface PrFile {
  filename: string;
  status: 'modified' | 'added';
  patch?: string;
}

export interface User {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

/** The author of what the token writes when the test does not say: the Actions GITHUB_TOKEN's. */
export const ACTIONS_BOT: User = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

export interface StoredComment {
  id: number;
  body: string;
  user?: User;
  path?: string;
  line?: number;
  start_line?: number | null;
  side?: string;
  commit_id?: string;
}

export interface Recorded {
  method: string;
  path: string;
  body: unknown;
  status: number;
}

export interface FakeGitHub {
  url: string;
  requests: Recorded[];
  /** Bodies that did not match GitHub's schema: a test expects none. */
  invalid: string[];
  reviewComments: StoredComment[];
  issueComments: StoredComment[];
  reviews: Json[];
  close(): Promise<void>;
}

export interface FakeGitHubOptions {
  owner: string;
  repo: string;
  pull: number;
  headSha: string;
  token: string;
  files: PrFile[];
  /** `path:line` GitHub refuses comments on although the listed diff has it (a stale diff). */
  rejectLines?: string[];
  /** Answer every request with this (rate limits, missing permissions). */
  failAll?: { status: number; headers?: Record<string, string>; message: string };
  /** Who the token is (default: github-actions[bot]). */
  viewer?: User;
  /** Comments already on the PR, written by whoever the test says. */
  reviewComments?: StoredComment[];
  issueComments?: StoredComment[];
  /** The most items a page holds, whatever the request asks (GitHub: 100). */
  pageSize?: number;
  /** Never answer requests matching this (`headers`: not even the status line; `body`: the headers, then nothing). */
  hang?: { match: RegExp; stage: 'headers' | 'body' };
  /** List endpoints always have a next page. */
  endlessPages?: boolean;
  /** Requests matching `match` are redirected with `status` to `location` (another host, say). */
  redirect?: { match: RegExp; status: number; location: string };
  /** The `nth` request (1-based) matching `match` fails with this status and message. */
  fail?: { match: RegExp; nth?: number; status: number; message: string; headers?: Record<string, string> };
  /** GraphQL `viewer` gives no login (a token GitHub cannot place). */
  noViewer?: boolean;
}

/** RIGHT-side line ranges of each hunk of a file's patch, parsed here independently of stackfix. */
function hunksOf(patch: string | undefined): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of (patch ?? '').matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(m[1]);
    const n = m[2] === undefined ? 1 : Number(m[2]);
    out.push([start, start + n - 1]);
  }
  return out;
}

export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const state = {
    requests: [] as Recorded[],
    invalid: [] as string[],
    reviewComments: [...(options.reviewComments ?? [])],
    issueComments: [...(options.issueComments ?? [])],
    reviews: [] as Json[],
  };
  const viewer = options.viewer ?? ACTIONS_BOT;
  const failCount = { seen: 0 };
  const hanging = new Set<http.ServerResponse>();
  let nextId = 1000;
  const prefix = `/repos/${options.owner}/${options.repo}`;

  const commentProblem = (c: Json): string | undefined => {
    const file = options.files.find((f) => f.filename === c.path);
    const line = c.line as number;
    const start = (c.start_line as number | undefined) ?? line;
    if (c.side !== 'RIGHT' || (c.start_line !== undefined && c.start_side !== 'RIGHT')) return 'side must be RIGHT';
    if (start > line) return 'start_line must precede line';
    if (!file || !hunksOf(file.patch).some(([a, b]) => a <= start && line <= b)) return 'pull_request_review_thread.line must be part of the diff';
    if (options.rejectLines?.includes(`${c.path}:${line}`)) return 'pull_request_review_thread.line could not be resolved';
    return undefined;
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = req.method ?? 'GET';
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
        state.requests.push({ method, path: url.pathname, body, status });
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(data));
      };
      const line = `${method} ${url.pathname}${url.search}`;
      if (options.hang?.match.test(line)) {
        state.requests.push({ method, path: url.pathname, body, status: 0 });
        hanging.add(res);
        if (options.hang.stage === 'body') {
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
          res.write('{"number": ');
        }
        return;
      }
      if (options.redirect?.match.test(line)) return send(options.redirect.status, { message: 'Moved' }, { location: options.redirect.location });
      if (options.fail?.match.test(line) && ++failCount.seen === (options.fail.nth ?? 1)) {
        return send(options.fail.status, { message: options.fail.message, documentation_url: 'https://docs.github.com/rest' }, options.fail.headers);
      }
      if (options.failAll) return send(options.failAll.status, { message: options.failAll.message, documentation_url: 'https://docs.github.com/rest' }, options.failAll.headers);
      const auth = req.headers.authorization ?? '';
      if (auth !== `token ${options.token}` && auth !== `Bearer ${options.token}` && auth !== `bearer ${options.token}`) {
        return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
      }
      if (method === 'POST' && url.pathname === '/graphql') {
        const query = String((body as Json | undefined)?.query ?? '');
        if (!/\bviewer\b/.test(query)) return send(200, { errors: [{ message: `unexpected query: ${query}` }] });
        return send(200, { data: { viewer: options.noViewer ? null : { login: viewer.login, databaseId: viewer.id } } });
      }
      /** One page of a list, with GitHub's Link header. */
      const list = (items: unknown[]) => {
        const per = Math.min(Number(url.searchParams.get('per_page') ?? 30), options.pageSize ?? 100);
        const page = Number(url.searchParams.get('page') ?? 1);
        const slice = items.slice((page - 1) * per, page * per);
        const more = options.endlessPages || page * per < items.length;
        const next = new URL(url.toString());
        next.host = req.headers.host ?? next.host;
        next.searchParams.set('page', String(page + 1));
        next.searchParams.set('per_page', String(per));
        return send(200, slice, more ? { link: `<http://${req.headers.host}${next.pathname}${next.search}>; rel="next"` } : {});
      };
      if (method !== 'GET') {
        const problems = validateBody(method, url.pathname, body);
        if (problems.length) {
          state.invalid.push(...problems);
          return send(422, { message: 'Invalid request.', errors: problems });
        }
      }
      const p = url.pathname;
      const pr = `${prefix}/pulls/${options.pull}`;
      const validation = (message: string) => send(422, { message: 'Unprocessable Entity', errors: [message], status: '422' });
      if (method === 'GET' && p === pr) return send(200, { number: options.pull, state: 'open', head: { sha: options.headSha, ref: 'feature' }, base: { ref: 'main' } });
      if (method === 'GET' && p === `${pr}/files`) return list(options.files.map((f) => ({ sha: 'f'.repeat(40), additions: 1, deletions: 1, changes: 2, ...f })));
      if (method === 'GET' && p === `${pr}/comments`) return list(state.reviewComments);
      if (method === 'GET' && p === `${prefix}/issues/${options.pull}/comments`) return list(state.issueComments);
      if (method === 'POST' && p === `${pr}/reviews`) {
        const b = body as Json;
        const comments = (b.comments as Json[] | undefined) ?? [];
        for (const c of comments) {
          const problem = commentProblem(c);
          if (problem) return validation(problem);
        }
        if (b.commit_id !== options.headSha) return validation('commit_id is not part of the pull request');
        state.reviews.push(b);
        for (const c of comments) state.reviewComments.push({ id: nextId++, body: c.body as string, user: viewer, path: c.path as string, line: c.line as number, start_line: (c.start_line as number | undefined) ?? null, side: 'RIGHT', commit_id: options.headSha });
        return send(200, { id: nextId++, state: 'COMMENTED', body: b.body });
      }
      if (method === 'POST' && p === `${pr}/comments`) {
        const c = body as Json;
        const problem = commentProblem(c);
        if (problem) return validation(problem);
        const stored = { id: nextId++, body: c.body as string, user: viewer, path: c.path as string, line: c.line as number, start_line: (c.start_line as number | undefined) ?? null, side: 'RIGHT', commit_id: c.commit_id as string };
        state.reviewComments.push(stored);
        return send(201, stored);
      }
      const reviewComment = new RegExp(`^${prefix}/pulls/comments/(\\d+)$`).exec(p);
      if (method === 'PATCH' && reviewComment) {
        const c = state.reviewComments.find((x) => x.id === Number(reviewComment[1]));
        if (!c) return send(404, { message: 'Not Found' });
        if (c.user && c.user.id !== viewer.id) state.invalid.push(`${method} ${p}: edits a comment by ${c.user.login}`);
        c.body = (body as Json).body as string;
        return send(200, c);
      }
      if (method === 'POST' && p === `${prefix}/issues/${options.pull}/comments`) {
        const stored = { id: nextId++, body: (body as Json).body as string, user: viewer };
        state.issueComments.push(stored);
        return send(201, stored);
      }
      const issueComment = new RegExp(`^${prefix}/issues/comments/(\\d+)$`).exec(p);
      if (method === 'PATCH' && issueComment) {
        const c = state.issueComments.find((x) => x.id === Number(issueComment[1]));
        if (!c) return send(404, { message: 'Not Found' });
        if (c.user && c.user.id !== viewer.id) state.invalid.push(`${method} ${p}: edits a comment by ${c.user.login}`);
        c.body = (body as Json).body as string;
        return send(200, c);
      }
      return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ...state,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
