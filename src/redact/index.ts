// The report boundary: what every output does to the text that came from the log before a
// formatter sees it. Classification, locating and the codemods work on the log as it is (a codemod
// needs the real account id and region); only the report handed to a formatter is masked.
//
//  - Secrets (src/redact/secrets.ts) are masked in every output, local ones (text, json) included.
//  - AWS account ids are masked in the outputs other people read (SARIF, annotations, Markdown,
//    rdjson, what `stackfix suggest` posts) unless the policy shows them.
//  - Line-oriented outputs (text, Markdown, annotations) also get control characters shown and
//    workflow commands made inert (src/redact/neutralise.ts); JSON outputs are escaped losslessly
//    after serialising instead.
//
// The user's own source lines in a patch are never rewritten: the patch must still apply.
import type { Report } from '../report/model.js';
import { displaySafe } from './neutralise.js';
import { maskAccountIds, maskSecrets } from './secrets.js';

/** What may be shown. One place, so that a configuration file can set it later. */
export interface RedactionPolicy {
  /** Show AWS account ids in shared outputs (`--show-account-ids`). Secrets are never shown. */
  showAccountIds: boolean;
}

export const DEFAULT_POLICY: RedactionPolicy = { showAccountIds: false };

/** The policy from the command line (and, later, the configuration file). */
export function redactionPolicy(options: { showAccountIds?: boolean }): RedactionPolicy {
  return { ...DEFAULT_POLICY, ...(options.showAccountIds ? { showAccountIds: true } : {}) };
}

/**
 * Who reads an output: `local` (the user's terminal, a file for scripts) or `shared` (annotations,
 * code scanning, the job summary, the pull request).
 */
export type Audience = 'local' | 'shared';

export interface RedactOptions {
  audience: Audience;
  policy: RedactionPolicy;
  /** A line-oriented human format: show control characters, make workflow commands inert. */
  display: boolean;
}

/** One log-derived string through the boundary. */
export function redactText(text: string, options: RedactOptions): string {
  let out = maskSecrets(text);
  if (options.audience === 'shared' && !options.policy.showAccountIds) out = maskAccountIds(out);
  return options.display ? displaySafe(out) : out;
}

/** The `# ...` header lines of a patch are log-derived (the evidence line); the diff after them is source. */
function patch(text: string, r: (s: string) => string): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && lines[i]!.startsWith('#'); i++) lines[i] = `# ${r(lines[i]!.slice(1).trimStart()).replace(/\n/g, ' ')}`;
  return lines.join('\n');
}

/** Keys whose strings are paths the user gave (logs, project files): never masked, only made safe to print. */
const PATH_KEYS = new Set(['source', 'files']);
/** Keys whose strings the formatters compare or look up (ids, enums), never log text. */
const FIXED_KEYS = new Set(['signature', 'severity', 'kind', 'status', 'codemod', 'format']);

/**
 * Every string of the report goes through the boundary, whatever its field: a field added to the
 * report later is masked without anyone having to remember it here. Captures are log text whatever
 * their names.
 */
function walk(value: unknown, key: string, r: (s: string) => string, d: (s: string) => string): unknown {
  if (typeof value === 'string') {
    if (key === 'patch') return patch(value, r);
    if (PATH_KEYS.has(key)) return d(value);
    if (FIXED_KEYS.has(key)) return value;
    return r(value);
  }
  if (Array.isArray(value)) return value.map((v) => walk(v, key, r, d));
  if (value && typeof value === 'object') {
    if (key === 'captures') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? r(x) : x)) : typeof v === 'string' ? r(v) : v]));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'tool' && key === '' ? v : walk(v, k, r, d)]));
  }
  return value;
}

/** The report as `options` allow it to be shown; the original is left as it is. */
export function redactReport(report: Report, options: RedactOptions): Report {
  const r = (s: string) => redactText(s, options);
  // Paths the user gave hold no log secrets, but may still hold control characters.
  const d = (s: string) => (options.display ? displaySafe(s) : s);
  return walk(report, '', r, d) as Report;
}
