// Secrets in log text, found and masked. A deploy log carries whatever the tools printed: an
// access key in an error, `AWS_SECRET_ACCESS_KEY=...` echoed by `set -x`, a GitHub token in a
// clone URL, a JWT in a request dump, a database password in a template or a connection string.
// None of it belongs in a report, so every formatter masks it (src/redact/index.ts); what is left
// says which kind of secret stood there and, for key ids, which one (`AKIA************MPLE`).
//
// Two ways to find one:
//  - by its shape, where the provider gives its tokens a fixed prefix (AKIA..., ghp_..., npm_...,
//    xoxb-..., pul-..., JWTs, PEM private-key blocks);
//  - by its name, where the value has no shape of its own (a secret access key, a password, a
//    session token): `name=value`, `name: value`, `"name": "value"`, `--name=value`,
//    `ParameterKey=DbPassword,ParameterValue=...`, `scheme://user:password@host`, and the
//    `Authorization` header.
// Every pattern here runs in linear time (checked with recheck in the tests); values are read by a
// small scanner rather than by regexes with nested repetition.

export type SecretKind =
  | 'aws-access-key-id'
  | 'aws-secret-access-key'
  | 'aws-session-token'
  | 'github-token'
  | 'npm-token'
  | 'slack-token'
  | 'slack-webhook'
  | 'pulumi-token'
  | 'terraform-cloud-token'
  | 'gitlab-token'
  | 'jwt'
  | 'private-key'
  | 'authorization-header'
  | 'bearer-token'
  | 'url-password'
  | 'password'
  | 'secret-assignment';

/** What stands in for a secret value. */
export const MASK = '****';

interface ShapeRule {
  kind: SecretKind;
  re: RegExp;
  /** The replacement for one match. */
  mask: (m: RegExpExecArray) => string;
}

const keepLast4 = (id: string, prefix: number) => `${id.slice(0, prefix)}${'*'.repeat(Math.max(0, id.length - prefix - 4))}${id.slice(-4)}`;

/**
 * Secrets recognisable by shape alone. Key ids keep their prefix and last four characters (that is
 * how AWS shows them: enough to tell two keys apart, useless to an attacker); tokens keep only the
 * prefix that names their kind.
 */
const SHAPES: ShapeRule[] = [
  // IAM unique ids: access keys (AKIA long-term, ASIA temporary), users, roles, groups, ...
  { kind: 'aws-access-key-id', re: /(?<![A-Za-z0-9])(?:AKIA|ASIA|AIDA|AROA|AGPA|AIPA|ANPA|ANVA|APKA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g, mask: (m) => keepLast4(m[0], 4) },
  // STS session tokens (base64 of a protobuf that starts with the same bytes).
  { kind: 'aws-session-token', re: /(?<![A-Za-z0-9+/])(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdzE)[A-Za-z0-9+/=]{20,}/g, mask: (m) => `${m[0].slice(0, 4)}${MASK}` },
  { kind: 'github-token', re: /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{30,255}(?![A-Za-z0-9_])/g, mask: (m) => `${m[0].slice(0, 4)}${MASK}` },
  { kind: 'github-token', re: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,255}/g, mask: () => `github_pat_${MASK}` },
  { kind: 'npm-token', re: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/g, mask: () => `npm_${MASK}` },
  { kind: 'slack-token', re: /(?<![A-Za-z0-9])(xox[abposr]|xapp)-[A-Za-z0-9-]{10,250}/g, mask: (m) => `${m[1]}-${MASK}` },
  { kind: 'slack-webhook', re: /hooks\.slack\.com\/(services|workflows|triggers)\/[A-Za-z0-9_/-]{8,300}/g, mask: (m) => `hooks.slack.com/${m[1]}/${MASK}` },
  { kind: 'pulumi-token', re: /(?<![A-Za-z0-9])pul-[a-f0-9]{40}(?![A-Za-z0-9])/g, mask: () => `pul-${MASK}` },
  { kind: 'terraform-cloud-token', re: /(?<![A-Za-z0-9])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_-]{40,}/g, mask: () => `${MASK}.atlasv1.${MASK}` },
  { kind: 'gitlab-token', re: /(?<![A-Za-z0-9])glpat-[A-Za-z0-9_-]{20,}/g, mask: () => `glpat-${MASK}` },
  { kind: 'jwt', re: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, mask: () => `eyJ${MASK}` },
  // A bearer token without a header name (`-H "Bearer ..."`, a printed request); long enough not to
  // be prose ("Bearer token is invalid").
  { kind: 'bearer-token', re: /(?<![A-Za-z])([Bb]earer)[ \t]+[A-Za-z0-9._~+/-]{16,}=*/g, mask: (m) => `${m[1]} ${MASK}` },
];

// `scheme://user:password@host`: the user stays, the password goes.
const URL_CREDENTIALS = /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{1,30}:\/\/[^\s:@/?#'"`<>]{1,256}):([^\s@/?#'"`<>]{1,256})@/g;

// A name followed by `=` or `:` (the value is read by readValue). Names may be quoted (JSON, also
// JSON inside a JSON string: `\"password\":`), prefixed by `--` (command-line flags) or dotted; a
// name right after `:` or `/` is a segment of an ARN or a path (`...:secret:prod/db`), not a key.
const ASSIGNMENT = /(?<![\w.:/-])(-{0,2}[A-Za-z_][\w.-]{0,80})((?:\\?["'])?)([ \t]{0,4})([:=])([ \t]{0,4})/g;
// `--password hunter2`: a flag and its value separated by a space.
const FLAG = /(?<![\w-])(--(?:[\w-]{0,40}[-_])?(?:password|passwd|secret|token|api-key|apikey))([ \t]+)/gi;
// `aws configure set aws_secret_access_key VALUE` (echoed by `set -x`), `git config ... token VALUE`.
const CONFIGURE_SET = /\b(?:configure[ \t]+set|config(?:[ \t]+--\w+){0,2})[ \t]+([\w.-]{1,80})[ \t]+/g;
// .npmrc credentials, registry-scoped: `//registry.npmjs.org/:_authToken=...` (legacy tokens are UUIDs).
const NPMRC = /:(_authToken|_auth|_password)[ \t]*=[ \t]*/g;
// `ParameterKey=DbPassword,ParameterValue=...` (aws cloudformation --parameters shorthand) and its JSON form.
const PARAMETER = /(ParameterKey\\?"?[ \t]{0,4}[:=][ \t]{0,4}\\?"?)([\w.-]{1,128})(\\?"?[ \t]{0,4},[ \t]{0,4}\\?"?ParameterValue\\?"?[ \t]{0,4}[:=][ \t]{0,4})/g;
const AUTH_HEADER = /(?<![\w-])((?:proxy-)?authorization)((?:\\?["'])?[ \t]{0,4}[:=][ \t]{0,4})((?:\\?["'])?)((?:bearer|basic|token|digest|negotiate|ntlm|aws4-hmac-sha256)[ \t]+)?/gi;
const PRIVATE_KEY_BEGIN = /-----BEGIN ([A-Z0-9 ]{0,40})PRIVATE KEY( BLOCK)?-----/g;

/** Names whose value is a password, by the name alone (any value). */
const PASSWORD_NAME = /(?:password|passwd|passphrase|pwd)$|(?:^|[_.-])pass$/i;
/** Names whose value is a secret of another kind (token, key, signature). */
const SECRET_NAME = /(?:secret|secret_?key|secret_?access_?key|secret_?string|token|api_?key|private_?key|credentials?|signature|client_?secret|^_?auth|basic_?auth)$/i;
/** Names that end like a secret but hold an identifier or a pagination cursor. */
const NOT_SECRET = /(?:request_?token|next_?token|continuation_?token|pagination_?token|start_?token|page_?token|sync_?token|idempotency_?token)$/i;

function nameKind(raw: string): SecretKind | undefined {
  const name = raw.replace(/^-+/, '').replace(/-/g, '_');
  if (PASSWORD_NAME.test(name)) return 'password';
  if (NOT_SECRET.test(name)) return undefined;
  const flat = name.replace(/[_.]/g, '').toLowerCase();
  if (flat.endsWith('secretaccesskey') || flat === 'awssecretkey' || flat === 'secretkey') return 'aws-secret-access-key';
  if (flat.endsWith('sessiontoken') || flat.endsWith('securitytoken')) return 'aws-session-token';
  if (SECRET_NAME.test(name)) return 'secret-assignment';
  return undefined;
}

interface Value {
  start: number;
  end: number;
  quoted: boolean;
}

/**
 * The value that starts at `i`: a quoted string (to its closing quote, or the end of the line when
 * it has none), an escaped-quote string (`\"...\"`, JSON inside JSON), or a bare word (to the next
 * space, quote or separator).
 */
function readValue(text: string, i: number): Value | undefined {
  if (i >= text.length) return undefined;
  const c = text[i];
  if (c === '\\' && text[i + 1] === '"') {
    const close = text.indexOf('\\"', i + 2);
    const nl = text.indexOf('\n', i + 2);
    const end = close >= 0 && (nl < 0 || close < nl) ? close : nl >= 0 ? nl : text.length;
    return { start: i + 2, end, quoted: true };
  }
  if (c === '"' || c === "'") {
    let j = i + 1;
    while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' && c === '"' ? 2 : 1;
    return { start: i + 1, end: Math.min(j, text.length), quoted: true };
  }
  let j = i;
  while (j < text.length && !/[\s"'`\\,;&)}\]<>]/.test(text[j]!)) j++;
  if (j === i) return undefined;
  return { start: i, end: j, quoted: false };
}

/** Values that are references or placeholders, not secrets; also values masked already. */
function isPlaceholder(v: string): boolean {
  return (
    v === '' ||
    /^\*+$/.test(v) ||
    /^(?:\$\{|\$\(|\{\{|%\(|<|\[|\{|arn:)/.test(v) ||
    /^(?:null|none|undefined|true|false|\*\*\*)$/i.test(v) ||
    v.includes('(')
  );
}

/** A bare value after `name:` that looks like a token rather than the first word of a sentence. */
const tokenLike = (v: string) => (v.length >= 8 && /\d/.test(v)) || v.length >= 20;

interface Edit {
  start: number;
  end: number;
  text: string;
  kind: SecretKind;
}

/** Applies non-overlapping edits (the first one wins on overlap). */
function applyEdits(text: string, edits: Edit[]): string {
  if (edits.length === 0) return text;
  edits.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let pos = 0;
  for (const e of edits) {
    if (e.start < pos) continue;
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

function privateKeys(text: string, edits: Edit[]): void {
  if (!text.includes('PRIVATE KEY')) return;
  for (const m of text.matchAll(PRIVATE_KEY_BEGIN)) {
    const bodyStart = m.index + m[0].length;
    const end = text.indexOf('-----END', bodyStart);
    const bodyEnd = end < 0 ? text.length : end;
    if (bodyEnd > bodyStart && !/^\**$/.test(text.slice(bodyStart, bodyEnd))) edits.push({ start: bodyStart, end: bodyEnd, text: MASK, kind: 'private-key' });
  }
}

function byName(text: string, edits: Edit[]): void {
  for (const m of text.matchAll(FLAG)) {
    const v = readValue(text, m.index + m[0].length);
    if (v && !isPlaceholder(text.slice(v.start, v.end)) && !text.slice(v.start, v.end).startsWith('-')) {
      edits.push({ start: v.start, end: v.end, text: MASK, kind: /pass/i.test(m[1]!) ? 'password' : 'secret-assignment' });
    }
  }
  for (const m of text.matchAll(CONFIGURE_SET)) {
    const kind = nameKind(m[1]!);
    const v = kind && readValue(text, m.index + m[0].length);
    if (kind && v && !isPlaceholder(text.slice(v.start, v.end))) edits.push({ start: v.start, end: v.end, text: MASK, kind });
  }
  if (!/[=:]/.test(text)) return;
  for (const m of text.matchAll(AUTH_HEADER)) {
    const at = m.index + m[0].length;
    const v = m[3] ? readQuotedRest(text, at, m[3]) : readValue(text, at);
    if (v && !isPlaceholder(text.slice(v.start, v.end))) edits.push({ start: v.start, end: v.end, text: MASK, kind: 'authorization-header' });
  }
  for (const m of text.matchAll(NPMRC)) {
    const v = readValue(text, m.index + m[0].length);
    if (v && !isPlaceholder(text.slice(v.start, v.end))) edits.push({ start: v.start, end: v.end, text: MASK, kind: m[1] === '_authToken' ? 'npm-token' : 'password' });
  }
  for (const m of text.matchAll(URL_CREDENTIALS)) {
    const start = m.index + m[1]!.length + 1;
    if (!/^\*+$/.test(m[2]!)) edits.push({ start, end: start + m[2]!.length, text: MASK, kind: 'url-password' });
  }
  for (const m of text.matchAll(PARAMETER)) {
    const kind = nameKind(m[2]!);
    if (!kind) continue;
    const v = readValue(text, m.index + m[0].length);
    if (v && !isPlaceholder(text.slice(v.start, v.end))) edits.push({ start: v.start, end: v.end, text: MASK, kind });
  }
  for (const m of text.matchAll(ASSIGNMENT)) {
    const name = m[1]!;
    if (/^(?:proxy-)?authorization$/i.test(name)) continue;
    const kind = nameKind(name);
    if (!kind) continue;
    const v = readValue(text, m.index + m[0].length);
    if (!v) continue;
    const value = text.slice(v.start, v.end);
    if (isPlaceholder(value)) continue;
    // `ExpiredToken: The security token included in the request is expired` is an error code and
    // its sentence, not a token: after a colon, a bare value must look like one (passwords excepted).
    if (m[4] === ':' && !v.quoted && !m[2] && kind !== 'password' && !tokenLike(value)) continue;
    edits.push({ start: v.start, end: v.end, text: MASK, kind });
  }
}

/** Inside a quote opened before an Authorization scheme: the rest up to the closing quote. */
function readQuotedRest(text: string, i: number, quote: string): Value | undefined {
  const q = quote.endsWith('"') ? '"' : "'";
  const close = text.indexOf(quote.length === 2 ? `\\${q}` : q, i);
  const nl = text.indexOf('\n', i);
  const end = close >= 0 && (nl < 0 || close < nl) ? close : nl >= 0 ? nl : text.length;
  return end > i ? { start: i, end, quoted: true } : undefined;
}

function byShape(text: string, edits: Edit[]): void {
  for (const rule of SHAPES) {
    rule.re.lastIndex = 0;
    for (const m of text.matchAll(rule.re)) edits.push({ start: m.index, end: m.index + m[0].length, text: rule.mask(m), kind: rule.kind });
  }
}

// Cheap test before the rules: text with none of these cannot hold a secret they find.
const MAYBE = /[=:]|[A-Z0-9]{20}|IQoJ|FwoG|gh[pousr]_|github_pat_|npm_|xox|xapp|pul-|atlasv1|glpat-|eyJ|PRIVATE KEY|earer|--|config/;

/** The kinds of secret found in `text` (for tests and notes). */
export function findSecrets(text: string): SecretKind[] {
  if (!MAYBE.test(text)) return [];
  const edits: Edit[] = [];
  privateKeys(text, edits);
  byName(text, edits);
  byShape(text, edits);
  return [...new Set(edits.map((e) => e.kind))];
}

/** `text` with every secret it holds masked. Masking twice changes nothing. */
export function maskSecrets(text: string): string {
  if (!MAYBE.test(text)) return text;
  const edits: Edit[] = [];
  privateKeys(text, edits);
  byName(text, edits);
  // Shapes inside a value masked by name are gone with it; shapes elsewhere are masked in place.
  const named = applyEdits(text, edits);
  const shaped: Edit[] = [];
  byShape(named, shaped);
  return applyEdits(named, shaped);
}

// A 12-digit AWS account id standing alone: in ARNs (`arn:aws:iam::123456789012:role/x`), ECR
// hosts (`123456789012.dkr.ecr...`), CDK bootstrap names (`cdk-hnb659fds-assets-123456789012-us-east-1`),
// `Account: 123456789012`. Not part of a longer number, a decimal or a word, nor the last group of
// a UUID (`...-4444-555566667777`, request ids).
const ACCOUNT_ID = /(?<![A-Za-z0-9.]|[0-9A-Fa-f]{4}-)\d{12}(?![A-Za-z0-9]|\.\d)/g;

/** `text` with AWS account ids masked to their last four digits (`********9012`). */
export function maskAccountIds(text: string): string {
  if (!/\d{12}/.test(text)) return text;
  return text.replace(ACCOUNT_ID, (id) => keepLast4(id, 0));
}

/** Every pattern of this module, for the linearity check in the tests. */
export const PATTERNS: RegExp[] = [...SHAPES.map((s) => s.re), URL_CREDENTIALS, ASSIGNMENT, FLAG, CONFIGURE_SET, NPMRC, PARAMETER, AUTH_HEADER, PRIVATE_KEY_BEGIN, PASSWORD_NAME, SECRET_NAME, NOT_SECRET, MAYBE, ACCOUNT_ID];
