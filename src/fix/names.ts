// Names in the source against names in the log. Real projects build resource names and
// construct ids from variables (`orders-db-${stage}`, f"payments-{environment_suffix}"), while
// the log prints the rendered name (`orders-db-prod`) or an id derived from it
// (`OrdersDbprodA1B2C3D4`, `aws_db_instance.orders-db-prod_1A2B3C4D`). A name in the source is a
// template: literal text with holes where a value is computed; each language's codemod turns its
// own syntax (template literals, f-strings, concatenation, `%` and `.format`) into one, and
// matches it here. Language-neutral, and without runtime imports beyond Node's own: the
// jscodeshift CLI loads this file from a transform through Babel.

/** A hole: a value the source computes; `label` names it for messages (the variable or expression). */
export interface Hole {
  hole: string;
}

export type NamePart = string | Hole;
/** A name as the source writes it: literal text and holes, in order. */
export type NameTemplate = NamePart[];

export const isHole = (p: NamePart): p is Hole => typeof p !== 'string';

/** The template's text with each hole shown as `${label}`, for messages. */
export function showTemplate(t: NameTemplate): string {
  return t.map((p) => (isHole(p) ? `\${${p.hole}}` : p)).join('');
}

/** True when the template has no hole (a plain string literal). */
export function isLiteral(t: NameTemplate): boolean {
  return t.every((p) => !isHole(p));
}

/** Adjacent literal parts merged, empty ones dropped, adjacent holes kept apart. */
function normalise(t: NameTemplate): NameTemplate {
  const out: NameTemplate = [];
  for (const p of t) {
    if (isHole(p)) out.push(p);
    else if (p) {
      const last = out[out.length - 1];
      if (typeof last === 'string') out[out.length - 1] = last + p;
      else out.push(p);
    }
  }
  return out;
}

export interface NameMatch {
  /** What each hole stood for in the printed name, in template order. */
  values: string[];
  /** How many characters of the printed name the template's literal text accounts for. */
  literal: number;
}

export interface MatchOptions {
  /** Characters a hole's value may contain (default: any). CDK logical ids only keep [A-Za-z0-9]. */
  holeChars?: (code: number) => boolean;
  /** Compare literal text ignoring case (default false). */
  ignoreCase?: boolean;
}

/**
 * Does the template render as `printed`, each hole standing for one or more characters? The
 * match is anchored at both ends. When several splits fit (`${a}-${b}` against `x-y-z`), the
 * one giving the earlier holes the shortest values is returned. Linear in the printed name for
 * each literal part: no regex, so a crafted name cannot make it backtrack.
 */
export function matchName(template: NameTemplate, printed: string, options: MatchOptions = {}): NameMatch | undefined {
  const parts = normalise(template);
  const fold = (s: string) => (options.ignoreCase ? s.toLowerCase() : s);
  const text = fold(printed);
  const okHole = options.holeChars;
  const literal = parts.reduce((n, p) => n + (isHole(p) ? 0 : p.length), 0);
  if (literal > printed.length) return undefined;
  // reach[i]: the printed prefix of length i can be produced by the parts seen so far.
  // from[k][i]: for the k-th part ending at i, where it started (to recover the hole values).
  let reach = new Uint8Array(printed.length + 1);
  reach[0] = 1;
  const from: Int32Array[] = [];
  for (const part of parts) {
    const next = new Uint8Array(printed.length + 1);
    const start = new Int32Array(printed.length + 1).fill(-1);
    if (isHole(part)) {
      // A hole extends a reachable prefix by one or more allowed characters: the earliest
      // reachable start wins (the shortest values for the holes before it).
      let open = -1;
      for (let i = 0; i <= printed.length; i++) {
        if (open >= 0 && i > open) {
          next[i] = 1;
          start[i] = open;
        }
        if (i < printed.length && okHole && !okHole(printed.charCodeAt(i))) open = -1;
        if (reach[i] && open < 0 && i < printed.length && (!okHole || okHole(printed.charCodeAt(i)))) open = i;
      }
    } else {
      const lit = fold(part);
      for (let i = 0; i + lit.length <= printed.length; i++) {
        if (reach[i] && text.startsWith(lit, i)) {
          next[i + lit.length] = 1;
          start[i + lit.length] = i;
        }
      }
    }
    from.push(start);
    reach = next;
  }
  if (!reach[printed.length]) return undefined;
  // Walk back from the end to recover each part's span.
  const values: string[] = [];
  let end = printed.length;
  for (let k = parts.length - 1; k >= 0; k--) {
    const begin = from[k]![end]!;
    if (isHole(parts[k]!)) values.unshift(printed.slice(begin, end));
    end = begin;
  }
  if (end !== 0) return undefined;
  return { values, literal };
}

/** The template with its holes filled (values in template order). */
export function renderName(template: NameTemplate, values: string[]): string {
  let k = 0;
  return template.map((p) => (isHole(p) ? (values[k++] ?? '') : p)).join('');
}

// ---------------------------------------------------------------------------------------------
// CloudFormation logical ids as the CDK allocates them (aws-cdk-lib core/lib/private/uniqueid.ts):
// the construct path below the stack, `Default` components dropped; a single component is the
// id with non-alphanumerics removed; otherwise the components (duplicates folded, `Resource`
// hidden, non-alphanumerics removed) joined, then the first 8 hex digits of the MD5 of the
// path, upper case.

const HIDDEN_ID = 'Default';
const HIDDEN_FROM_HUMAN_ID = 'Resource';
const HASH_LEN = 8;
const MAX_HUMAN_LEN = 240;
const MAX_ID_LEN = 255;

const alnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const removeNonAlphanumeric = (s: string) => s.replace(/[^A-Za-z0-9]/g, '');
const removeNonAllowed = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '');

function pathHash(components: string[]): string {
  const crypto = process.getBuiltinModule('node:crypto');
  return crypto.createHash('md5').update(components.join('/')).digest('hex').slice(0, HASH_LEN).toUpperCase();
}

function removeDupes(path: string[]): string[] {
  const out: string[] = [];
  for (const c of path) if (out.length === 0 || !out[out.length - 1]!.endsWith(c)) out.push(c);
  return out;
}

/**
 * The logical id the CDK gives the resource at this construct path (ids below the stack, e.g.
 * ['OrdersDb', 'Resource'] for an L2 construct's CfnResource).
 */
export function cdkLogicalId(components: string[]): string {
  const path = components.filter((c) => c !== HIDDEN_ID);
  if (path.length === 0) throw new Error('a logical id needs at least one path component');
  if (path.length === 1) {
    const candidate = removeNonAlphanumeric(path[0]!);
    if (candidate.length <= MAX_ID_LEN) return candidate;
  }
  const human = removeDupes(path)
    .filter((c) => c !== HIDDEN_FROM_HUMAN_ID)
    .map(removeNonAlphanumeric)
    .join('')
    .slice(0, MAX_HUMAN_LEN);
  return human + pathHash(path);
}

/**
 * The name CDKTF gives the resource at this construct path (ids below the stack): a single
 * component keeps letters, digits, `_` and `-`; deeper ones are joined with `_` and end in
 * `_` plus the path hash (cdktf lib/private/unique.ts).
 */
export function cdktfLogicalId(components: string[]): string {
  const path = components.filter((c) => c !== HIDDEN_ID);
  if (path.length === 0) throw new Error('a logical id needs at least one path component');
  if (path.length === 1) {
    const candidate = removeNonAllowed(path[0]!);
    if (candidate.length <= MAX_ID_LEN) return candidate;
  }
  const human = removeDupes(path)
    .filter((c) => c !== HIDDEN_FROM_HUMAN_ID)
    .map(removeNonAllowed)
    .join('_')
    .slice(0, MAX_HUMAN_LEN);
  return `${human}_${pathHash(path)}`;
}

export interface LogicalIdMatch {
  /** The values the holes took (non-alphanumerics are gone from a logical id). */
  values: string[];
  /**
   * True when the path, with those values, hashes to the printed id's hash: the id is this
   * construct's beyond doubt. False when only the readable part matched (a value that held a
   * `-`, or a path that starts in a construct the template does not cover).
   */
  exact: boolean;
  literal: number;
}

/**
 * Does the construct at this path (ids below the stack, each a template) have the printed
 * CloudFormation logical id? The readable part is matched with holes as wildcards over
 * letters and digits; the hash then confirms it when the values are known.
 */
export function matchCdkLogicalId(path: NameTemplate[], logicalId: string, options: { underUnknownScope?: boolean } = {}): LogicalIdMatch | undefined {
  const comps = path.filter((c) => !(isLiteral(c) && c.join('') === HIDDEN_ID));
  if (comps.length === 0) return undefined;
  // Under a scope the template does not cover (a construct made inside the user's own
  // construct class, whose id the caller chooses), the path has more components than we know.
  const unknownScope = options.underUnknownScope === true;
  const single = comps.length === 1 && !unknownScope;
  const hashed = !single && /^[A-Za-z0-9]+$/.test(logicalId) && logicalId.length > HASH_LEN;
  if (!single && !hashed) return undefined;
  const stem = hashed ? logicalId.slice(0, -HASH_LEN) : logicalId;
  // Readable part: literal components folded like removeDupes (holes cannot be folded: kept),
  // `Resource` hidden, non-alphanumerics removed from literal text.
  const readable: NameTemplate = unknownScope ? [{ hole: '(enclosing construct)' }] : [];
  let prev: string | undefined;
  for (const c of comps) {
    const lit = isLiteral(c) ? c.join('') : undefined;
    if (lit !== undefined && prev !== undefined && prev.endsWith(lit)) continue;
    prev = lit;
    if (lit === HIDDEN_FROM_HUMAN_ID) continue;
    for (const p of c) readable.push(isHole(p) ? p : removeNonAlphanumeric(p));
  }
  const m = matchName(readable, stem, { holeChars: alnum });
  if (!m) return undefined;
  const values = unknownScope ? m.values.slice(1) : m.values;
  // A single component is its own id: nothing more to check.
  if (single) return { values, exact: true, literal: m.literal };
  if (unknownScope) return { values, exact: false, literal: m.literal };
  // Fill the holes in order and check the hash (a value that held a `-` or `.` lost it in the
  // readable part, so the hash does not confirm it: a match, but not an exact one).
  let k = 0;
  const filled = comps.map((c) => c.map((p) => (isHole(p) ? (values[k++] ?? '') : p)).join(''));
  const exact = pathHash(filled) === logicalId.slice(-HASH_LEN);
  return { values, exact, literal: m.literal };
}
