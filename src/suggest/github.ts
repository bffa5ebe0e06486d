// The GitHub REST and GraphQL calls `stackfix suggest` makes, through @octokit/rest with a fetch
// of our own that holds every request to a few rules:
//
// - the token goes only to the API's own origin: a redirect or a `Link: next` page on another
//   host is refused, not followed (a redirect on the same origin is followed, at most 3 hops);
// - a request that has not finished (headers and body) within the timeout is abandoned;
// - a response body over 32 MiB is refused, and a listing stops after 50 pages;
// - every failure becomes one line naming the request (method and path, never the token) and
//   what to check, and is exit 2.
import { UserError } from '../errors.js';
import { displaySafe } from '../redact/neutralise.js';
import { maskSecrets } from '../redact/secrets.js';

export const DEFAULT_TIMEOUT_MS = 30_000;
/** 50 pages of 100: more than GitHub lists for one pull request's files (3,000). */
export const MAX_PAGES = 50;
const MAX_REDIRECTS = 3;
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface Target {
  owner: string;
  repo: string;
  pull: number;
  apiUrl: string;
  token?: string;
}

/** Who the token acts as: the author of the comments stackfix may edit. */
export interface Identity {
  login: string;
  /** The account's numeric id, when GitHub gave it. */
  id?: number;
}

export interface Api {
  viewer(): Promise<Identity>;
  read<T>(route: string, params: Record<string, unknown>): Promise<T>;
  list<T>(route: string, params: Record<string, unknown>): Promise<T[]>;
  write<T>(route: string, params: Record<string, unknown>, body: Record<string, unknown>): Promise<T>;
}

/** A request the fetch refused or gave up on; octokit passes it on as the cause of its error. */
class GuardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StackfixGuardError';
  }
}

/** A failed write to GitHub, with its status (422 is handled by the caller). */
export class ApiError extends UserError {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly detail = '',
  ) {
    super(message);
  }
}

export function describe(route: string, params: Record<string, unknown>): { method: string; path: string } {
  const [method, template] = route.split(' ') as [string, string];
  return { method, path: template.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(String(params[k]))) };
}

const NULL_BODY = new Set([101, 204, 205, 304]);

async function readBody(res: Response, tooLong: () => Error): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLong();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** fetch for octokit: same origin only, bounded in time and size, redirects checked. */
export function guardedFetch(apiUrl: string, timeoutMs: number): typeof fetch {
  const origin = new URL(apiUrl).origin;
  const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
  return (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    let url = new URL(input instanceof Request ? input.url : String(input));
    let method = init?.method ?? 'GET';
    let body = init?.body;
    for (let hop = 0; ; hop++) {
      if (url.origin !== origin) throw new GuardError(`GitHub sent stackfix to ${url.host}, not ${new URL(origin).host}; the token is not sent there`);
      const signal = AbortSignal.timeout(timeoutMs);
      const timedOut = () => new GuardError(`no complete answer from ${new URL(origin).host} within ${seconds}`);
      let res: Response;
      try {
        res = await fetch(url, { ...init, method, body: body ?? null, redirect: 'manual', signal });
      } catch (err) {
        if (signal.aborted) throw timedOut();
        throw err;
      }
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel().catch(() => undefined);
        const next = new URL(location, url);
        if (next.origin !== origin) throw new GuardError(`GitHub redirected ${method} ${url.pathname} to ${next.host}; the token is not sent there`);
        if (hop >= MAX_REDIRECTS) throw new GuardError(`more than ${MAX_REDIRECTS} redirects from ${method} ${url.pathname}`);
        if (res.status === 303) {
          method = 'GET';
          body = undefined;
        }
        url = next;
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = await readBody(res, () => new GuardError(`the answer to ${method} ${url.pathname} is over ${MAX_BODY_BYTES / 1024 / 1024} MiB`));
      } catch (err) {
        if (err instanceof GuardError) throw err;
        if (signal.aborted) throw timedOut();
        throw err;
      }
      return new Response(NULL_BODY.has(res.status) ? null : (bytes as unknown as ConstructorParameters<typeof Response>[0]), { status: res.status, statusText: res.statusText, headers: res.headers });
    }
  }) as typeof fetch;
}

/** Server text made fit for one line of stderr: no token, no secrets, no control characters or workflow commands. */
function scrub(text: string, token: string | undefined): string {
  let out = text.split(/\r?\n|\r/)[0]!.slice(0, 300);
  if (token) out = out.split(token).join('****');
  return displaySafe(maskSecrets(out));
}

/** One line for a failed request. */
export function apiError(err: unknown, where: string, target: Target): ApiError {
  const e = err as { status?: number; message?: string; cause?: unknown; errors?: Array<{ message?: string }>; response?: { headers?: Record<string, string | undefined>; data?: { message?: string; errors?: unknown[] } } };
  const guard = err instanceof GuardError ? err : e.cause instanceof GuardError ? e.cause : undefined;
  if (guard) return new ApiError(`${scrub(guard.message, target.token)} (${where})`, undefined);
  const headers = e.response?.headers ?? {};
  const msg = scrub(e.response?.data?.message ?? e.errors?.[0]?.message ?? e.message ?? String(err), target.token);
  const status = e.status;
  if (status === undefined || (status === 500 && !e.response)) return new ApiError(`cannot reach GitHub at ${target.apiUrl} (${where}: ${msg})`, undefined);
  if (headers['x-ratelimit-remaining'] === '0') {
    const reset = Number(headers['x-ratelimit-reset']);
    return new ApiError(`GitHub API rate limit exhausted (${where}, ${status})${Number.isFinite(reset) && reset > 0 ? `; it resets at ${new Date(reset * 1000).toISOString()}` : ''}`, status);
  }
  if (headers['retry-after'] || status === 429) return new ApiError(`GitHub is rate limiting (${where}, ${status}); retry after ${scrub(headers['retry-after'] ?? 'a while', target.token)} s`, status);
  if (status === 401) return new ApiError(`GitHub rejected the token (401 ${msg}); check GITHUB_TOKEN or --token`, status);
  if (status === 403) return new ApiError(`GitHub refused ${where} (403 ${msg}); the token needs pull-requests: write and contents: read`, status);
  if (status === 404) return new ApiError(`${where}: not found (404); check --repo ${target.owner}/${target.repo}, --pr ${target.pull} and that the token can see the repository`, status);
  if (status >= 500) return new ApiError(`GitHub failed on ${where} (${status} ${msg}); try again later`, status);
  const detail = [e.response?.data?.message, ...(e.response?.data?.errors ?? []).map((x) => (typeof x === 'string' ? x : JSON.stringify(x)))].filter(Boolean).join(': ');
  return new ApiError(`GitHub rejected ${where} (${status} ${msg})`, status, scrub(detail || msg, target.token));
}

/** The `rel="next"` URL of a Link header. */
function nextLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (m && /\brel="?next"?/.test(m[2]!)) return m[1];
  }
  return undefined;
}

export async function githubApi(target: Target, timeoutMs: number): Promise<Api> {
  const { Octokit } = await import('@octokit/rest');
  const quiet = () => undefined;
  const octokit = new Octokit({
    auth: target.token,
    baseUrl: target.apiUrl,
    userAgent: 'stackfix-suggest',
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    request: { fetch: guardedFetch(target.apiUrl, timeoutMs) },
  });
  const base = { owner: target.owner, repo: target.repo };
  const where = (route: string, params: Record<string, unknown>) => {
    const { method, path } = describe(route, { ...base, ...params });
    return `${method} ${path}`;
  };
  const guard = async <T>(at: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (err) {
      throw err instanceof UserError ? err : apiError(err, at, target);
    }
  };
  return {
    viewer: () =>
      guard('POST /graphql (viewer)', async () => {
        const data = await octokit.graphql<{ viewer?: { login?: string; databaseId?: number } }>('query { viewer { login databaseId } }');
        const login = data?.viewer?.login;
        if (typeof login !== 'string' || login === '') throw new UserError('GitHub did not say which account the token belongs to (GraphQL viewer); stackfix edits only its own comments, so it stops here');
        return { login, ...(typeof data.viewer?.databaseId === 'number' ? { id: data.viewer.databaseId } : {}) };
      }),
    read: (route, params) => guard(where(route, params), async () => (await octokit.request(route, { ...base, ...params })).data as never),
    list: (route, params) => {
      const at = where(route, params);
      return guard(at, async () => {
        const items: unknown[] = [];
        let res = await octokit.request(route, { ...base, per_page: 100, ...params });
        for (let page = 1; ; page++) {
          if (!Array.isArray(res.data)) throw new UserError(`GitHub answered ${at} with something other than a list`);
          items.push(...(res.data as unknown[]));
          const next = nextLink(res.headers.link);
          if (!next) return items as never;
          if (page >= MAX_PAGES) throw new UserError(`GitHub still had more of ${at} after ${MAX_PAGES} pages (${items.length} items); stopped there`);
          res = await octokit.request({ method: 'GET', url: next });
        }
      });
    },
    write: (route, params, body) => guard(where(route, params), async () => (await octokit.request(route, { ...base, ...params, ...body })).data as never),
  };
}
