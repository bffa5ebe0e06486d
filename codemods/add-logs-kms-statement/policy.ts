// What a key policy says about CloudWatch Logs, decided once for every language and framework.
// Each transform reads its own syntax (a JSON statement, a CDK PolicyStatement, a grant call, a
// Terraform policy document) into a StatementView whose strings are name templates (literal
// text and holes where the code computes a value); this module judges the views against what
// the failure needs and says what to do with the key: nothing (already fixed), correct a
// statement that names CloudWatch Logs wrongly, or add the statement.
import { isHole, matchName, showTemplate, type NameTemplate } from '../../src/fix/names.js';

/** One statement of a key policy, as read from the source; `undefined` fields could not be read. */
export interface StatementView<N = unknown> {
  /** The syntax the transform would replace to correct the statement. */
  node: N;
  /** How the statement is written: a JSON statement, a CDK PolicyStatement, a grant method, a Terraform document statement. */
  shape: 'json' | 'cdk' | 'grant' | 'tf-document';
  /** For messages: `file:line`. */
  where: string;
  /** `Allow` when omitted. */
  effect?: NameTemplate;
  /** Service principals. */
  services?: NameTemplate[];
  /** Principals of other kinds (AWS accounts and roles, federated): a statement shared with them is not ours to rewrite. */
  otherPrincipals: boolean;
  actions?: NameTemplate[];
  conditions?: { operator: string; key: string; values: NameTemplate[] }[];
}

/** What CloudWatch Logs needs from the key, from the failure's captures. */
export interface LogsNeed {
  /** The log's region, if it printed one (to tell a wrong literal region in a principal). */
  region?: string;
  /** ARNs of the log groups that failed, when printed with an account (a masked account matches any). */
  logGroupArns: string[];
  /** The KMS actions the statement must allow. */
  actions: string[];
}

/**
 * What CloudWatch Logs does with a log group's key: encrypt, decrypt and generate data keys.
 * The statement this codemod writes grants the documentation's full list (plus CreateGrant);
 * an existing statement is judged on these, and on any action the log says was refused.
 */
export const REQUIRED_ACTIONS = ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'];

/** What a failure needs: the required actions, and any action the log says was refused (CreateGrant, DescribeKey). */
export function logsNeed(captures: { region?: string | string[]; account?: string | string[]; logGroup?: string | string[]; action?: string | string[] }): LogsNeed {
  const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
  const region = list(captures.region).find((r) => /^[a-z]{2}(?:-[a-z]+)+-\d$/.test(r));
  const actions = [...REQUIRED_ACTIONS];
  for (const a of list(captures.action)) {
    const name = a.startsWith('kms:') ? a : `kms:${a}`;
    if (/^kms:\w+$/.test(name) && !actions.some((x) => x.toLowerCase() === name.toLowerCase())) actions.push(name);
  }
  const logGroupArns = list(captures.logGroup).filter((a) => /^arn:aws[\w-]*:logs:[\w-]+:[^:]*:log-group:/.test(a));
  return { region, logGroupArns, actions };
}

export type Verdict =
  /** Not a statement that lets CloudWatch Logs in (another principal, a Deny, unreadable). */
  | { kind: 'unrelated' }
  | { kind: 'ok' }
  /** Names CloudWatch Logs, but CloudWatch Logs still cannot use the key: `fix` says which parts to rewrite. */
  | { kind: 'incomplete'; problems: string[]; onlyLogs: boolean; fix: Aspect[] };

/** The parts of a statement a correction rewrites. */
export type Aspect = 'principal' | 'actions' | 'condition';

const text = (t: NameTemplate) => (t.every((p) => !isHole(p)) ? t.join('') : undefined);

/** `logs.amazonaws.com` (global), `logs.<region>.amazonaws.com` (with the region, if literal), or not a logs principal. */
function logsPrincipal(t: NameTemplate): { regional: boolean; region?: string } | undefined {
  const literal = text(t);
  if (literal?.toLowerCase() === 'logs.amazonaws.com') return { regional: false };
  const m = matchName(['logs.', { hole: 'region' }, '.amazonaws.com'], literal ?? showTemplate(t), { ignoreCase: true });
  if (!m) return undefined;
  // A literal region is checked against the log's; a token (`${AWS::Region}`, a variable) is trusted.
  const region = literal !== undefined && /^[a-z]{2}(?:-[a-z]+)+-\d$/.test(m.values[0]!) ? m.values[0] : undefined;
  return { regional: true, region };
}

/** Does an IAM-style pattern (`*` and `?` wildcards; holes stand for anything) match the value? */
export function globMatches(pattern: NameTemplate, value: string, ignoreCase = false): boolean {
  // Holes and `*` become wildcards that may be empty, `?` one character: matched by a linear DP.
  const tokens: ({ any: true } | { one: true } | string)[] = [];
  for (const p of pattern) {
    if (isHole(p)) tokens.push({ any: true });
    else for (const c of ignoreCase ? p.toLowerCase() : p) tokens.push(c === '*' ? { any: true } : c === '?' ? { one: true } : c);
  }
  const v = ignoreCase ? value.toLowerCase() : value;
  let reach = new Uint8Array(v.length + 1);
  reach[0] = 1;
  for (const t of tokens) {
    const next = new Uint8Array(v.length + 1);
    if (typeof t === 'object' && 'any' in t) {
      let on = false;
      for (let i = 0; i <= v.length; i++) {
        on = on || reach[i] === 1;
        if (on) next[i] = 1;
      }
    } else {
      for (let i = 0; i < v.length; i++) if (reach[i] && (typeof t === 'object' || t === v[i])) next[i + 1] = 1;
    }
    reach = next;
  }
  return reach[v.length] === 1;
}

/** Judges one statement against what CloudWatch Logs needs. */
export function judgeStatement(s: StatementView, need: LogsNeed): Verdict {
  const effect = s.effect ? text(s.effect) : 'Allow';
  if (effect !== undefined && effect.toLowerCase() === 'deny') return { kind: 'unrelated' };
  const logs = (s.services ?? []).map(logsPrincipal).filter((p): p is NonNullable<typeof p> => !!p);
  if (logs.length === 0) return { kind: 'unrelated' };
  const problems: string[] = [];
  const fix = new Set<Aspect>();
  const regional = logs.filter((p) => p.regional && (!p.region || !need.region || p.region === need.region));
  if (regional.length === 0) {
    // A statement written for the wrong principal is suspect as a whole: the documented actions
    // and the encryption-context condition come with the regional principal.
    fix.add('principal').add('actions').add('condition');
    const wrong = logs.find((p) => p.regional && p.region);
    problems.push(
      wrong
        ? `it names logs.${wrong.region}.amazonaws.com, but the log group is in ${need.region}`
        : 'it names the global principal logs.amazonaws.com, but CloudWatch Logs uses the key as the regional principal logs.<region>.amazonaws.com',
    );
  }
  if (!s.actions) {
    problems.push('its actions cannot be read');
    fix.add('actions');
  } else {
    const missing = need.actions.filter((a) => !s.actions!.some((p) => globMatches(p, a, true)));
    if (missing.length) {
      problems.push(`it does not allow ${missing.join(', ')}`);
      fix.add('actions');
    }
  }
  if (s.conditions === undefined) {
    problems.push('its conditions cannot be read');
    fix.add('condition');
  }
  for (const c of s.conditions ?? []) {
    if (c.key.toLowerCase() !== 'kms:encryptioncontext:aws:logs:arn') continue;
    const op = c.operator.replace(/^For(?:Any|All)Value:/i, '').replace(/IfExists$/i, '');
    // ArnEquals takes wildcards as ArnLike does; StringEquals compares the text.
    const like = /^(?:ArnLike|ArnEquals|StringLike)$/i.test(op);
    const equals = /^StringEquals$/i.test(op);
    if (!like && !equals) continue;
    for (const arn of need.logGroupArns) {
      const fits = c.values.some((v) => (like ? globMatches(v, arn) : matchName(v, arn) !== undefined) || maskedAccountFits(v, arn, like));
      if (!fits) {
        problems.push(`its ${c.operator} condition on kms:EncryptionContext:aws:logs:arn does not cover ${arn}`);
        fix.add('condition');
      }
    }
  }
  if (problems.length === 0) return { kind: 'ok' };
  return { kind: 'incomplete', problems, onlyLogs: !s.otherPrincipals && (s.services ?? []).every((t) => logsPrincipal(t)), fix: [...fix] };
}

/**
 * A log that masks the account (`arn:aws:logs:us-east-1:***:log-group:x`) still names the log
 * group: try the pattern with the account each literal account in it stands for, or any.
 */
function maskedAccountFits(pattern: NameTemplate, arn: string, like: boolean): boolean {
  const m = /^(arn:aws[\w-]*:logs:[\w-]+:)([^:]*)(:log-group:.*)$/.exec(arn);
  if (!m || /^\d{12}$/.test(m[2]!)) return false;
  const accounts = new Set(['000000000000']);
  for (const p of pattern) if (!isHole(p)) for (const a of p.match(/\d{12}/g) ?? []) accounts.add(a);
  return [...accounts].some((a) => {
    const candidate = `${m[1]}${a}${m[3]}`;
    return like ? globMatches(pattern, candidate) : matchName(pattern, candidate) !== undefined;
  });
}

/** What to look at when the code already lets CloudWatch Logs use the key and a deploy failed anyway. */
export function alreadyFixedAdvice(need: LogsNeed): string {
  return `if a deploy from this code still fails, check that the failing log group uses this key, that the key policy is deployed before the log group is created (a separate key-policy resource needs a dependency), and that the principal's region is ${need.region ?? "the log group's region"}`;
}

export type KeyPlan<N> =
  | { action: 'already-fixed'; statement: StatementView<N> }
  | { action: 'correct'; statement: StatementView<N>; problems: string[]; fix: Aspect[] }
  | { action: 'add'; problems: string[]; statements: StatementView<N>[] };

/**
 * What to do with a key whose policy has these statements: nothing when one already lets
 * CloudWatch Logs in; correct a statement that is only for CloudWatch Logs but wrong (the
 * global principal, missing actions, a condition that leaves the log group out) in place, when
 * it is written as a statement (a grant call cannot be rewritten into one); else add ours.
 */
export function planKey<N>(statements: StatementView<N>[], need: LogsNeed): KeyPlan<N> {
  const judged = statements.map((s) => ({ s, v: judgeStatement(s, need) }));
  const ok = judged.find((j) => j.v.kind === 'ok');
  if (ok) return { action: 'already-fixed', statement: ok.s };
  const wrong = judged.filter((j): j is { s: StatementView<N>; v: Extract<Verdict, { kind: 'incomplete' }> } => j.v.kind === 'incomplete');
  const fixable = wrong.find((j) => j.v.onlyLogs && j.s.shape !== 'grant');
  if (fixable) return { action: 'correct', statement: fixable.s, problems: fixable.v.problems, fix: fixable.v.fix };
  return { action: 'add', problems: wrong.flatMap((j) => j.v.problems.map((p) => `${j.s.where}: ${p}`)), statements: wrong.map((j) => j.s) };
}

/** The entries of a statement (JSON, CDK props or keyword arguments, Terraform document) that an aspect covers. */
export const ASPECT_KEYS: Record<Aspect, string[]> = {
  principal: ['Principal', 'principals'],
  actions: ['Action', 'actions'],
  condition: ['Condition', 'conditions', 'condition'],
};

/** Does a correction for these aspects rewrite (or add) this entry? Entries that keep a statement valid are added when missing. */
export function touches(key: string, fix: Aspect[], present: boolean): boolean {
  if (fix.some((a) => ASPECT_KEYS[a].includes(key))) return true;
  return !present && /^(?:Effect|effect|Resource|resources)$/.test(key);
}

/** The actions a CDK grant method gives a principal (aws-cdk-lib/aws-kms key.ts). */
export const GRANT_ACTIONS: Record<string, string[]> = {
  grantEncryptDecrypt: ['kms:Decrypt', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
  grantEncrypt: ['kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
  grantDecrypt: ['kms:Decrypt'],
  grantGenerateMac: ['kms:GenerateMac'],
  grantVerifyMac: ['kms:VerifyMac'],
  grantAdmin: ['kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*', 'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:TagResource', 'kms:UntagResource', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion'],
};

/** What one key (or one log group) came to. */
export interface KeyOutcome {
  status: 'proposed' | 'already-fixed' | 'refused' | 'not-found';
  reason: string;
}

/**
 * Every needed change, or none: a key left out would still fail the deploy, so one that cannot
 * be changed (or found) turns the whole fix into a refusal that lists the others. With nothing
 * to change, the most telling status wins: all already fixed, else refused, else not found.
 */
export function combineOutcomes<O extends KeyOutcome>(outcomes: O[], problems: KeyOutcome[]): { apply: O[]; reason: string } | KeyOutcome {
  const proposed = outcomes.filter((o) => o.status === 'proposed');
  const others = [...outcomes.filter((o) => o.status !== 'proposed'), ...problems];
  const blocking = others.filter((o) => o.status === 'refused' || o.status === 'not-found');
  if (proposed.length > 0 && blocking.length === 0) return { apply: proposed, reason: proposed.map((o) => o.reason).join('; ') };
  if (proposed.length > 0) {
    const would = proposed.map((o) => o.reason).join('; ');
    return { status: 'refused', reason: `${blocking.map((o) => o.reason).join('; ')}; the deploy needs every key fixed, so nothing was changed (the other changes would be: ${would})` };
  }
  const has = (st: KeyOutcome['status']) => others.some((o) => o.status === st);
  const status = others.length > 0 && others.every((o) => o.status === 'already-fixed') ? 'already-fixed' : has('refused') ? 'refused' : has('not-found') ? 'not-found' : has('already-fixed') ? 'already-fixed' : 'not-found';
  return { status, reason: others.map((o) => o.reason).join('; ') || 'no key found' };
}
