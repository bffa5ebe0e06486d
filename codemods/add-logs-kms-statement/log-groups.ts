// Which log group a failure names, for both transforms: the log group names the log gives
// (from the ARN in the message, or Terraform's `Log Group (<name>)`) and how well a log group in
// the source matches one of them or one of the failing resources the log names (a CloudFormation
// logical id or construct path, a Pulumi resource name, a Terraform address). Names in the
// source are templates (src/fix/names.ts): literal text with holes for what the code computes.
import type { Captures, ResourceHint } from '../../src/types.js';
import { isLiteral, matchCdkLogicalId, matchName, type NameTemplate } from '../../src/fix/names.js';

export type Flavor = 'cdk' | 'pulumi' | 'cdktf';

export interface LogGroupLike {
  flavor: Flavor;
  /** Construct id (CDK, CDKTF) or resource name (Pulumi). */
  id?: NameTemplate;
  /**
   * Construct ids between the stack and this construct, outermost first: [] directly in the
   * stack, 'unknown' inside a construct class whose instances the project does not show.
   */
  scope?: NameTemplate[] | 'unknown';
  /** A CloudFormation L1 (CfnLogGroup): its logical id has no `Resource` component. */
  l1?: boolean;
  /** The log group name it sets, if any. */
  name?: NameTemplate;
  /** Pulumi `namePrefix`. */
  namePrefix?: string;
}

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Is this failing resource (by its type, when the log printed one) a log group? */
export function isLogGroupHint(h: ResourceHint): boolean {
  return !!(h.id || h.constructPath) && (!h.type || /log_?group/i.test(h.type));
}

/** The log group names a finding's captures give: from `logGroup` ARNs and `logGroupName`. */
export function logGroupNames(captures: Captures): string[] {
  const out = new Set<string>();
  const add = (v: string | string[] | undefined, fromArn: boolean) => {
    for (const x of Array.isArray(v) ? v : v ? [v] : []) {
      const n = fromArn ? /:log-group:([^:]+)/.exec(x)?.[1] : x;
      if (n && n !== '*') out.add(n);
    }
  };
  add(captures.logGroup, true);
  add(captures.logGroupName, false);
  return [...out];
}

const alnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const alnumDash = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;

/** How much of a template is literal text: a name computed entirely (`name`, `this.nameFor(x)`) matches anything. */
const literalLength = (t: NameTemplate) => t.reduce((n, p) => n + (typeof p === 'string' ? p.length : 0), 0);

/**
 * How well a template matches a printed name: 10 for the same literal, 6 with holes filled, 2
 * for a name with no literal text at all (it matches anything: any better match wins), 0 for
 * no match.
 */
function templateScore(t: NameTemplate | undefined, printed: string): number {
  if (!t) return 0;
  if (isLiteral(t)) return t.join('') === printed ? 10 : 0;
  if (!matchName(t, printed)) return 0;
  return literalLength(t) === 0 ? 2 : 6;
}

/** The construct path of a CDK/CDKTF site below the stack, as templates. */
function pathOf(site: LogGroupLike): NameTemplate[] | undefined {
  if (!site.id) return undefined;
  const scope = site.scope === 'unknown' ? [] : (site.scope ?? []);
  return [...scope, site.id];
}

/** How well a log group matches a name from the log; 0 = not it. */
export function nameScore(site: LogGroupLike, name: string): number {
  if (site.name) return templateScore(site.name, name);
  if (site.namePrefix !== undefined) return name.startsWith(site.namePrefix) ? 5 : 0;
  // No explicit name: the provider made one up. Pulumi: `<resource name>-<7 hex>`;
  // CloudFormation: `<stack>-<logical id>-<suffix>`. Terraform names it at random.
  if (!site.id) return 0;
  if (site.flavor === 'pulumi') {
    const m = /^(.*)-[0-9a-f]{7}$/.exec(name);
    return m ? Math.min(8, templateScore(site.id, m[1]!)) : 0;
  }
  if (site.flavor === 'cdk') {
    const path = pathOf(site)!;
    const trimmed = name.replace(/-[A-Za-z0-9]{6,16}$/, '');
    for (let i = trimmed.indexOf('-'); i >= 0; i = trimmed.indexOf('-', i + 1)) {
      if (cdkIdScore(site, path, trimmed.slice(i + 1)) > 0) return 5;
    }
  }
  return 0;
}

function cdkIdScore(site: LogGroupLike, path: NameTemplate[], logicalId: string): number {
  const components = site.l1 ? path : [...path, ['Resource']];
  const m = matchCdkLogicalId(components, logicalId, { underUnknownScope: site.scope === 'unknown' });
  if (m && path.every((c) => literalLength(c) === 0)) return 2;
  if (m) return site.scope === 'unknown' ? 5 : m.exact ? 9 : 6;
  // An id that does not follow the construct library's algorithm (written by hand, or by an
  // older CDK): the readable part alone, followed by 8 hex digits, is a weak match.
  const stem = /^([A-Za-z0-9]+)[0-9A-F]{8}$/.exec(logicalId)?.[1];
  if (!stem) return 0;
  const readable: NameTemplate = [...(site.scope === 'unknown' ? [{ hole: '(enclosing construct)' }] : []), ...path.flat().map((p) => (typeof p === 'string' ? p.replace(/[^A-Za-z0-9]/g, '') : p))];
  return matchName(readable, stem, { holeChars: alnum }) ? 3 : 0;
}

/** `<readable>_<HASH>` (CDKTF below the top level) or the id itself (top level). */
function cdktfIdScore(site: LogGroupLike, path: NameTemplate[], logical: string): number {
  const clean = (t: NameTemplate): NameTemplate => t.map((p) => (typeof p === 'string' ? p.replace(/[^A-Za-z0-9_-]/g, '') : p));
  if (path.length === 1 && site.scope !== 'unknown') {
    const t = clean(path[0]!);
    if (isLiteral(t)) return t.join('') === logical ? 10 : 0;
    if (!matchName(t, logical, { holeChars: alnumDash })) return 0;
    return literalLength(t) === 0 ? 2 : 7;
  }
  const m = /^(.*)_[0-9A-F]{8}$/.exec(logical);
  if (!m) return 0;
  const readable: NameTemplate = site.scope === 'unknown' ? [{ hole: '(enclosing construct)' }, '_'] : [];
  path.forEach((c, i) => readable.push(...(i ? ['_'] : []), ...clean(c)));
  return matchName(readable, m[1]!, { holeChars: alnumDash }) ? (site.scope === 'unknown' ? 5 : 7) : 0;
}

/** How well a log group matches a failing resource the log names; 0 = not it. */
export function hintScore(site: LogGroupLike, hint: ResourceHint): number {
  if (!site.id) return 0;
  if (site.flavor === 'pulumi') return hint.id ? templateScore(site.id, hint.id) : 0;
  const path = pathOf(site)!;
  let score = 0;
  if (hint.constructPath) {
    // `Stack/Scope/Id/Resource`: the stack's own id first, the L2's `Resource` last.
    const parts = hint.constructPath.split('/').filter((p) => p && p !== 'Resource' && p !== 'Default');
    const below = parts.slice(1);
    if (site.scope === 'unknown') {
      if (below.length >= 1 && templateScore(site.id, below.at(-1)!) > 0) score = 6;
    } else if (below.length === path.length) {
      const each = path.map((t, i) => templateScore(t, below[i]!));
      if (each.every((s) => s > 0)) score = each.every((s) => s === 10) ? 10 : 8;
    }
  }
  if (hint.id) {
    if (site.flavor === 'cdktf') {
      const logical = hint.id.replace(/^(?:data\.)?[a-z0-9_]+\./, '').replace(/\[[^\]]*\]$/, '');
      score = Math.max(score, cdktfIdScore(site, path, logical));
    } else {
      score = Math.max(score, cdkIdScore(site, path, hint.id));
    }
  }
  return score;
}

export type Picked<S> = { groups: S[][] } | { status: 'not-found' | 'refused'; reason: string };

/**
 * Which log groups the failure is about, by the log's failing resources and log group names:
 * for each, the best-matching sites (a group; several sites in one group are the same failure
 * seen through several candidates). With neither in the log, every encrypted log group is one
 * group (unambiguous when they share a key). `encrypted` says whether a site sets a key (or may,
 * through **kwargs); `where` names the sources for messages.
 */
export function pickLogGroups<S extends LogGroupLike & { label: string }>(
  sites: S[],
  hints: ResourceHint[],
  names: string[],
  encrypted: (s: S) => boolean,
  where: string,
): Picked<S> {
  const usable = hints.filter(isLogGroupHint);
  const withKey = sites.filter(encrypted);
  if (usable.length === 0 && names.length === 0) {
    if (withKey.length === 0) return { status: 'not-found', reason: `no log group in ${where} is encrypted with a KMS key` };
    return { groups: [withKey] };
  }
  const groups: S[][] = [];
  const unencrypted: S[] = [];
  const matchers: ((s: S) => number)[] = [...usable.map((h) => (s: S) => hintScore(s, h)), ...names.map((n) => (s: S) => nameScore(s, n))];
  for (const score of matchers) {
    const scored = sites.map((s) => ({ s, score: score(s) })).filter((x) => x.score > 0);
    const best = Math.max(0, ...scored.map((x) => x.score));
    const top = scored.filter((x) => x.score === best).map((x) => x.s);
    if (top.length === 0) continue;
    unencrypted.push(...top.filter((s) => !encrypted(s)));
    const enc = top.filter(encrypted);
    if (enc.length > 0 && !groups.some((g) => g.length === enc.length && g.every((s) => enc.includes(s)))) groups.push(enc);
  }
  if (groups.length > 0) return { groups };
  const wanted = [...usable.map((h) => h.id ?? h.constructPath), ...names].join(', ');
  if (unencrypted.length > 0) {
    return { status: 'not-found', reason: `${unencrypted[0]!.label} (the log group the failure names: ${wanted}) sets no KMS key, so its key policy is not the cause` };
  }
  return { status: 'not-found', reason: `no log group in ${where} matches ${wanted}` };
}
