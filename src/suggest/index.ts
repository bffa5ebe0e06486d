// stackfix suggest: posts the fixes of one run to a GitHub pull request.
//
// Every changed range that lies inside the PR's diff becomes a review comment with a suggestion
// block (one contiguous range per comment, `line`/`start_line` on side RIGHT of the head commit),
// so the author commits it with one click. Everything else (changes on lines the PR did not touch,
// which is where deploy failures usually come from; findings without a fix; comments GitHub
// rejects) goes into one summary comment on the conversation, with the patch. Each comment carries
// a hidden marker with the finding's fingerprint: a rerun finds its own comments and edits them
// instead of adding new ones.
//
// Anyone can write a marker into a comment, so "its own" means written by the account the token
// acts as (GraphQL `viewer`, which answers for a personal token and for the Actions GITHUB_TOKEN
// alike, where `GET /user` refuses an installation token) and starting with the marker. Everything
// is read before the first write; a write that fails names what was already posted. What is posted
// has passed the redaction boundary (src/redact/): no secret and, unless shown on purpose, no
// account id from the log reaches the pull request.
import fs from 'node:fs';
import { UserError } from '../errors.js';
import { DEFAULT_POLICY, type RedactionPolicy, redactReport } from '../redact/index.js';
import { codeSpan, escapeText, inlineMarkdown, oneLine } from '../redact/markdown.js';
import { jsonSafe } from '../redact/neutralise.js';
import { type CiContext, type FindingView, fence, fromCwd, prose, views } from '../report/changes.js';
import { renderMarkdown } from '../report/markdown.js';
import { type Hunk, insideOneHunk, rightHunks } from './diff.js';
import { type Api, ApiError, DEFAULT_TIMEOUT_MS, type Identity, type Target, describe, githubApi } from './github.js';

export type { Target } from './github.js';

export interface SuggestOptions {
  token?: string;
  repo?: string;
  pr?: string;
  apiUrl?: string;
  dryRun: boolean;
  env: NodeJS.ProcessEnv;
  /** Where --dry-run prints the requests. */
  out: (text: string) => Promise<void>;
  /** One-line notes (stderr). */
  note: (text: string) => void;
  /** Per request, headers and body (--timeout). */
  timeoutMs?: number;
  /** What may be posted (account ids); secrets never are. */
  policy?: RedactionPolicy;
}

const SUMMARY_MARKER = '<!-- stackfix:summary -->';
/** GitHub's limit on a comment body is 65 536 characters. */
const MAX_BODY = 65_000;
const marker = (value: string) => `<!-- stackfix:fingerprint=${value} -->`;
/** A marker of ours opens the body; one anywhere else is quoted text. */
const MARKER_RE = /^<!-- stackfix:fingerprint=([0-9a-f]{1,64}\.\d{1,4}) -->/;

export function resolveTarget(opts: SuggestOptions): Target {
  const env = opts.env;
  const repo = opts.repo ?? env.GITHUB_REPOSITORY;
  if (!repo) throw new UserError('no repository: pass --repo owner/name or set GITHUB_REPOSITORY');
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repo);
  if (!m) throw new UserError(`--repo ${repo}: expected owner/name`);
  let pr = opts.pr;
  if (pr === undefined && env.GITHUB_EVENT_PATH) {
    let event: { pull_request?: { number?: number }; number?: number };
    try {
      event = JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as typeof event;
    } catch (err) {
      throw new UserError(`GITHUB_EVENT_PATH ${env.GITHUB_EVENT_PATH}: cannot read the event (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    const n = event.pull_request?.number ?? event.number;
    if (n !== undefined) pr = String(n);
  }
  if (pr === undefined) throw new UserError('no pull request: pass --pr N, or run on a pull_request event (GITHUB_EVENT_PATH)');
  if (!/^[1-9]\d*$/.test(pr)) throw new UserError(`--pr ${pr}: expected a pull request number`);
  const token = opts.token ?? env.GITHUB_TOKEN;
  if (!token && !opts.dryRun) throw new UserError('no token: set GITHUB_TOKEN or pass --token (needs pull-requests: write)');
  const apiUrl = (opts.apiUrl ?? env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(apiUrl)) throw new UserError(`--api-url ${apiUrl}: expected an http(s) URL`);
  try {
    new URL(apiUrl);
  } catch {
    throw new UserError(`--api-url ${apiUrl}: expected an http(s) URL`);
  }
  return { owner: m[1]!, repo: m[2]!, pull: Number(pr), apiUrl, ...(token ? { token } : {}) };
}

interface Inline {
  view: FindingView;
  key: string;
  path: string;
  start: number;
  end: number;
  body: string;
}

interface Comment {
  id: number;
  body?: string;
  user?: { login?: string; id?: number } | null;
}

const retiredPrefix = (key: string) => `${marker(key)}\n**stackfix**: this suggestion is no longer current`;

/** What a review comment of an earlier run says once its change is not proposed any more. */
export function retiredBody(key: string, headSha: string): string {
  const commit = headSha === 'HEAD' ? 'the latest commit' : `commit ${headSha.slice(0, 7)}`;
  return `${retiredPrefix(key)}: the run on ${commit} does not propose it here (it was committed, fixed another way, or the finding moved or went away). Anything still open is in the stackfix summary comment.`;
}

/** The body of a review comment: marker, what is wrong, the suggestion. The finding has passed the redaction boundary. */
export function suggestionBody(v: FindingView, regionIndex: number): string {
  const f = v.finding;
  const r = v.regions[regionIndex]!;
  const text = r.lines.join('\n');
  const f4 = fence(text, 4);
  const ev = f.occurrences[0];
  const first = prose(f.explanation).split(/\n\n/)[0]!;
  return [
    marker(`${v.fingerprint}.${regionIndex + 1}`),
    `**stackfix** ${f.severity === 'error' ? '❌' : '⚠️'} **${escapeText(oneLine(f.title))}** (${codeSpan(f.signature)})`,
    '',
    inlineMarkdown(first),
    ...(ev ? ['', `Evidence: ${codeSpan(`${ev.source}:${ev.line}`)}${ev.resource ? ` (${escapeText(ev.resource)})` : ''}`] : []),
    '',
    `${f4}suggestion`,
    ...(text === '' ? [] : [text]),
    f4,
    ...(v.regions.length > 1 ? ['', `Change ${regionIndex + 1} of ${v.regions.length} of this fix (${codeSpan(f.fix?.codemod ?? '')}).`] : []),
  ].join('\n');
}

/** --dry-run: the requests printed, nothing sent and nothing read. */
function dryRunApi(target: Target, options: SuggestOptions): Api {
  return {
    viewer: async () => ({ login: '' }),
    read: async () => {
      throw new Error('unreachable in --dry-run');
    },
    list: async () => [],
    write: async (route, params, body) => {
      const { method, path } = describe(route, { owner: target.owner, repo: target.repo, ...params });
      await options.out(jsonSafe(`${method} ${path}\n${JSON.stringify(body, null, 2)}\n\n`));
      return { id: 0 } as never;
    },
  };
}

/** A comment is ours when the token's account wrote it. */
function ownedBy(me: Identity): (c: Comment) => boolean {
  const login = me.login.toLowerCase();
  return (c) => (me.id !== undefined && c.user?.id === me.id) || (login !== '' && (c.user?.login ?? '').toLowerCase() === login);
}

export interface SuggestResult {
  inline: number;
  updated: number;
  summary: boolean;
}

export async function suggest(input: CiContext, options: SuggestOptions): Promise<SuggestResult> {
  const target = resolveTarget(options);
  const api = options.dryRun ? dryRunApi(target, options) : await githubApi(target, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  // Everything posted is read by the team: the shared redaction (secrets, account ids, commands).
  const ctx: CiContext = { ...input, report: redactReport(input.report, { audience: 'shared', policy: options.policy ?? DEFAULT_POLICY, display: true }) };
  const p = { owner: target.owner, repo: target.repo, pull_number: target.pull };
  const all = views(ctx);

  // 1. Read everything: who we are, the PR's head and diff, and our earlier comments.
  let headSha = 'HEAD';
  const hunks = new Map<string, Hunk[]>();
  let reviewComments: Comment[] = [];
  let issueComments: Comment[] = [];
  if (options.dryRun) {
    options.note('--dry-run: nothing is sent and the pull request is not read, so every change is shown as a review comment; GitHub accepts only those inside the PR diff (the rest go into the summary)');
  } else {
    const pr = await api.read<{ head?: { sha?: string } }>('GET /repos/{owner}/{repo}/pulls/{pull_number}', p);
    if (typeof pr?.head?.sha !== 'string') throw new UserError(`GitHub's answer to GET /repos/${target.owner}/${target.repo}/pulls/${target.pull} has no head commit`);
    headSha = pr.head.sha;
    const mine = ownedBy(await api.viewer());
    for (const f of await api.list<{ filename: string; patch?: string }>('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', p)) {
      hunks.set(f.filename, rightHunks(f.patch));
    }
    reviewComments = (await api.list<Comment>('GET /repos/{owner}/{repo}/pulls/{pull_number}/comments', p)).filter(mine);
    issueComments = (await api.list<Comment>('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { issue_number: target.pull })).filter(mine);
  }

  const inline: Inline[] = [];
  const outside = new Map<number, string[]>();
  const addNote = (i: number, note: string) => outside.set(i, [...(outside.get(i) ?? []), note]);
  for (const v of all) {
    const fixable = v.finding.fix && (v.finding.fix.status === 'proposed' || v.finding.fix.status === 'applied');
    if (!fixable || v.regions.length === 0) {
      // A fix whose changes all land on lines another fix rewrote (see report/changes.ts).
      if (fixable && ctx.details.changes[v.index]?.length) addNote(v.index, 'its changes overlap another fix');
      else outside.set(v.index, outside.get(v.index) ?? []);
      continue;
    }
    v.regions.forEach((r, k) => {
      const path = fromCwd(ctx, r.file);
      const inDiff = options.dryRun || insideOneHunk(hunks.get(path) ?? [], r.startLine, r.endLine);
      if (inDiff) inline.push({ view: v, key: `${v.fingerprint}.${k + 1}`, path, start: r.startLine, end: r.endLine, body: suggestionBody(v, k) });
      else addNote(v.index, `${codeSpan(`${path}:${r.startLine}${r.endLine > r.startLine ? `-${r.endLine}` : ''}`)} is outside this pull request's diff`);
    });
  }

  // Our earlier comments, by the marker that opens them.
  const existingReview = new Map<string, Comment>();
  for (const c of reviewComments) {
    const m = MARKER_RE.exec(c.body ?? '');
    if (m && !existingReview.has(m[1]!)) existingReview.set(m[1]!, c);
  }
  const existingSummary = issueComments.find((c) => c.body?.startsWith(SUMMARY_MARKER));

  // 2. Write, keeping a record of what went through: a failure says what is already on the PR.
  const posted: string[] = [];
  const write = async <T>(what: string, route: string, params: Record<string, unknown>, body: Record<string, unknown>): Promise<T> => {
    try {
      const out = await api.write<T>(route, params, body);
      posted.push(what);
      return out;
    } catch (err) {
      // A 422 on a new comment is handled by the caller (the comment moves into the summary); the
      // message says what is on the pull request in case nobody handles it.
      const before = posted.length ? `posted before it: ${posted.join(', ')}` : 'nothing was posted';
      if (err instanceof ApiError) throw new ApiError(`${err.message}; ${before}`, err.status, err.detail);
      throw new UserError(`${(err as Error).message}; ${before}`);
    }
  };

  let updated = 0;
  let postedInline = 0;
  const fresh: Inline[] = [];
  for (const c of inline) {
    const old = existingReview.get(c.key);
    if (!old) {
      fresh.push(c);
      continue;
    }
    if (old.body !== c.body) {
      await write(`review comment ${old.id} updated`, 'PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}', { comment_id: old.id }, { body: c.body });
      updated++;
    }
  }
  // Comments of earlier runs whose change this run does not propose there (committed, fixed
  // another way, the finding gone or its lines moved out of the diff): their suggestion would
  // now be wrong to commit, so it is replaced by a note, once. The marker stays: if the change
  // comes back, the comment gets it again.
  const current = new Set(inline.map((c) => c.key));
  for (const [key, old] of existingReview) {
    if (current.has(key) || old.body?.startsWith(retiredPrefix(key))) continue;
    await write(`review comment ${old.id} retired`, 'PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}', { comment_id: old.id }, { body: retiredBody(key, headSha) });
    updated++;
  }

  const comment = (c: Inline) => ({
    path: c.path,
    line: c.end,
    side: 'RIGHT',
    ...(c.start < c.end ? { start_line: c.start, start_side: 'RIGHT' } : {}),
    body: c.body,
  });
  const rejected = (c: Inline, why: string) => addNote(c.view.index, `GitHub did not take the suggestion on ${codeSpan(`${c.path}:${c.start}`)} (${escapeText(why)})`);
  if (fresh.length) {
    const body = `stackfix found ${fresh.length} change(s) on lines of this pull request; each suggestion below can be committed as it is.`;
    try {
      await write(`a review with ${fresh.length} suggestion(s)`, 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', p, { commit_id: headSha, event: 'COMMENT', body, comments: fresh.map(comment) });
      postedInline = fresh.length;
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 422) throw err;
      // One bad line rejects the whole review: post the comments one by one instead.
      options.note(`GitHub rejected the review (422: ${err.detail}); posting its comments one by one`);
      for (const c of fresh) {
        try {
          await write(`a suggestion on ${c.path}:${c.start}`, 'POST /repos/{owner}/{repo}/pulls/{pull_number}/comments', p, { commit_id: headSha, ...comment(c) });
          postedInline++;
        } catch (e) {
          if (!(e instanceof ApiError) || e.status !== 422) throw e;
          rejected(c, `422: ${e.detail}`);
        }
      }
    }
  }

  // The summary comment: everything that is not (only) a suggestion on the diff.
  const indexes = [...outside.keys()].sort((a, b) => a - b);
  const inlineOnly = [...new Set(inline.map((c) => c.view.index))].filter((i) => !outside.has(i));
  let summary = false;
  if (indexes.length || existingSummary) {
    const notes = new Map<number, string>();
    for (const i of indexes) {
      const n = outside.get(i)!;
      if (n.length) notes.set(i, `_Not posted as a suggestion: ${n.join('; ')}. Apply the patch above, or run \`stackfix --fix\`._`);
    }
    const listed = inlineOnly.length ? `${inlineOnly.length} finding(s) are posted as suggestions on the diff: ${inlineOnly.map((i) => codeSpan(ctx.report.findings[i]!.signature)).join(', ')}.` : undefined;
    const body =
      `${SUMMARY_MARKER}\n` +
      (indexes.length
        ? renderMarkdown(ctx.report, { only: indexes, fingerprints: ctx.details.fingerprints, notes, intro: listed, maxChars: MAX_BODY - 200 })
        : `## stackfix\n\n${listed ?? 'No known failure found in the last run.'}\n`);
    if (existingSummary) {
      if (existingSummary.body !== body) {
        await write(`summary comment ${existingSummary.id} updated`, 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { comment_id: existingSummary.id }, { body });
        updated++;
      }
    } else {
      await write('the summary comment', 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { issue_number: target.pull }, { body });
    }
    summary = true;
  }
  if (!options.dryRun) options.note(`posted ${postedInline} suggestion(s), updated ${updated} comment(s)${summary ? ', summary comment written' : ''} on ${target.owner}/${target.repo}#${target.pull}`);
  return { inline: postedInline, updated, summary };
}
