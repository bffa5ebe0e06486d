// Which places in the source to change, when the log names the failing resources. A site
// is one place a codemod could edit (an engine version, an instance class); its owners are
// the resources it configures, as construct-id paths (CDK, CDKTF) or resource names (Pulumi).
// Each part of a path is a literal id or a name template (src/fix/names.ts): real code builds
// ids from variables (`AuroraCluster-${suffix}`, f"payments-db-{environment_suffix}"), and the
// log prints them rendered (`AuroraCluster-dev`, `AuroraClusterdevDCA34A01`,
// `aws_rds_cluster.payments-db-dev`).
// Language-neutral: the TypeScript and the Python transforms use it alike. Keep its runtime
// imports to names.ts (`.ts` specifier): the jscodeshift CLI loads it from a transform through Babel.
import type { ResourceHint } from '../types.js';
import { cdktfLogicalId, isHole, isLiteral, matchCdkLogicalId, matchName, showTemplate, type NameTemplate } from './names.ts';

/** One component of a resource path: a literal id, or a template with holes. */
export type OwnerPart = string | NameTemplate;
/** Construct ids outermost first (CDK, CDKTF), or a Pulumi resource name alone. */
export type OwnerPath = OwnerPart[];

const ENCLOSING_LABEL = '(enclosing construct)';
/**
 * A leading component for zero or more construct ids the source does not show: a construct
 * made inside a Construct subclass, or by a function given its scope, sits under ids its
 * caller chooses.
 */
export const ENCLOSING: NameTemplate = [{ hole: ENCLOSING_LABEL }];

const isEnclosing = (p: OwnerPart) => typeof p !== 'string' && p.length === 1 && isHole(p[0]!) && p[0].hole === ENCLOSING_LABEL;
const asTemplate = (p: OwnerPart): NameTemplate => (typeof p === 'string' ? [p] : p);

export interface Site {
  /** `${file}:${offset}`: stable between the collecting and the applying pass. */
  key: string;
  file: string;
  line: number;
  what: string;
  /** Resources the site configures; [] = unknown. */
  owners: OwnerPath[];
  /**
   * Resources the site also configures that may change with it: a parameter group built from
   * the same `engine` value keeps its family within a major version. They neither select the
   * site nor block it.
   */
  followers?: OwnerPath[];
  /** Set when the site may not be changed whatever the hints say. */
  refusal?: string;
}

/** A path as one string, holes shown as `${label}`: equal keys are the same resource. */
export function ownerKey(path: OwnerPath): string {
  return path.filter((p) => !isEnclosing(p)).map((p) => (typeof p === 'string' ? p : showTemplate(p))).join('/');
}

export interface OwnerMatch {
  /** Higher is better; comparable across owners for one hint. */
  score: number;
  /**
   * The printed name is this resource's beyond doubt: an id equal to a literal one, a construct
   * path that contains it, a logical id whose hash the construct library's algorithm confirms.
   */
  exact: boolean;
}

const EXACT = 1_000_000;
const WILDCARD = 10_000;
/** Scores below this come from loose text comparisons of literal ids (nested constructs). */
const LOOSE = 5_000;

const TF_ADDRESS = /^(?:data\.)?[a-z][a-z0-9]*_[a-z0-9_]+\.([\w-]+)(?:\[[^\]]*\])?$/;
const cdktfChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
const notSlash = (c: number) => c !== 47;

/** The literal characters of a template that survive `keep` (what a logical id keeps of them). */
function keepLiteral(t: NameTemplate, keep: (c: number) => boolean): NameTemplate {
  return t.map((p) => (isHole(p) ? p : [...p].filter((ch) => keep(ch.charCodeAt(0))).join('')));
}

function holesOf(path: OwnerPath): number {
  return path.reduce((n, p) => n + asTemplate(p).filter(isHole).length, 0);
}

function fill(path: NameTemplate[], values: string[]): string[] {
  let k = 0;
  return path.map((c) => c.map((p) => (isHole(p) ? values[k++] ?? '' : p)).join(''));
}

/** The CDKTF resource name (the address after the type) of a construct at this path. */
function matchCdktfName(path: NameTemplate[], name: string, enclosed = false): OwnerMatch | undefined {
  if (path.length === 0) return undefined;
  if (enclosed) {
    // Under constructs the source does not name: `<their ids>_<path>_<hash>`, never confirmed by the hash.
    const m = /^(.*)_([0-9A-F]{8})$/.exec(name);
    if (!m) return undefined;
    const readable: NameTemplate = [{ hole: ENCLOSING_LABEL }];
    for (const c of path.filter((x) => !(isLiteral(x) && x.join('') === 'Resource'))) readable.push('_', ...keepLiteral(c, cdktfChar));
    const r = matchName(readable, m[1]!, { holeChars: cdktfChar });
    return r ? { score: WILDCARD + r.literal, exact: false } : undefined;
  }
  if (path.length === 1) {
    const m = matchName(keepLiteral(path[0]!, cdktfChar), name, { holeChars: cdktfChar });
    return m ? { score: EXACT + m.literal, exact: true } : undefined;
  }
  // Nested: components joined with `_`, then `_` and the hash of the path.
  const m = /^(.*)_([0-9A-F]{8})$/.exec(name);
  if (!m) return undefined;
  const readable: NameTemplate = [];
  path.filter((c) => !(isLiteral(c) && c.join('') === 'Resource')).forEach((c, i) => {
    if (i > 0) readable.push('_');
    readable.push(...keepLiteral(c, cdktfChar));
  });
  const r = matchName(readable, m[1]!, { holeChars: cdktfChar });
  if (!r) return undefined;
  const exact = cdktfLogicalId(fill(path, r.values)) === name;
  return { score: (exact ? EXACT : WILDCARD) + r.literal, exact };
}

/** The owner's components matched as a run of the construct path the log printed. */
function matchConstructPath(path: NameTemplate[], constructPath: string): OwnerMatch | undefined {
  if (path.length === 0) return undefined;
  const comps = constructPath.split('/').filter(Boolean);
  let best: OwnerMatch | undefined;
  for (let start = 0; start + path.length <= comps.length; start++) {
    let literal = 0;
    const ok = path.every((c, i) => {
      const m = matchName(c, comps[start + i]!, { holeChars: notSlash });
      if (m) literal += m.literal;
      return !!m;
    });
    if (ok && (!best || EXACT + literal > best.score)) best = { score: EXACT + literal, exact: true };
  }
  return best;
}

/** CloudFormation logical ids end in an 8-hex hash; construct paths drop non-alphanumerics. */
function hintStem(id: string): string {
  const clean = id.replace(/[^A-Za-z0-9]/g, '');
  return /^[A-Za-z][A-Za-z0-9]*[0-9A-F]{8}$/.test(id) ? clean.slice(0, -8) : clean;
}

/** The old comparisons of literal paths with an id, for constructs nested in ways the path does not show. */
function looseMatch(path: string[], id: string): number {
  const joined = path.join('').replace(/[^A-Za-z0-9]/g, '');
  if (!joined) return 0;
  const stem = hintStem(id);
  if (stem === joined) return LOOSE - 1;
  if (stem.startsWith(joined) || stem.endsWith(joined)) return Math.min(LOOSE - 2, 2 * joined.length);
  if (stem.includes(joined)) return Math.min(LOOSE - 2, joined.length);
  return 0;
}

function better(a: OwnerMatch | undefined, b: OwnerMatch | undefined): OwnerMatch | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.score > a.score ? b : a;
}

/** How well a resource path matches what the log printed; undefined = not this resource. */
export function matchOwner(owner: OwnerPath, hint: ResourceHint): OwnerMatch | undefined {
  const enclosed = owner.length > 0 && isEnclosing(owner[0]!);
  const path = owner.filter((p) => !isEnclosing(p)).map(asTemplate);
  if (path.length === 0) return undefined;
  let best: OwnerMatch | undefined;
  if (hint.constructPath) best = better(best, matchConstructPath(path, hint.constructPath));
  const id = hint.id;
  if (!id) return best;
  const literal = path.every(isLiteral) ? path.map((c) => c.join('')) : undefined;
  if (literal && (id === literal.at(-1) || id === literal.join('/'))) best = better(best, { score: EXACT + EXACT / 2, exact: true });
  const tf = TF_ADDRESS.exec(id);
  if (tf) {
    // A Terraform address: the name is the CDKTF logical id (or the HCL/Pulumi-style name itself).
    best = better(best, matchCdktfName(path, tf[1]!));
    if (enclosed) best = better(best, matchCdktfName(path, tf[1]!, true));
    return best;
  }
  // A Pulumi resource name, a construct id the bar printer shows, a physical name: the last component.
  const last = matchName(path.at(-1)!, id);
  if (last) best = better(best, { score: (isLiteral(path.at(-1)!) ? EXACT : WILDCARD) + last.literal, exact: isLiteral(path.at(-1)!) });
  // A CloudFormation logical id: an L2 construct's resource is its `Resource` child; an L1 is itself.
  // A single templated id matches any hashed id that starts like it (the hole takes the hash):
  // only the hash of a longer path can confirm such an id.
  const hashed = /[0-9A-F]{8}$/.test(id);
  for (const variant of [[...path, ['Resource']], path]) {
    const m = matchCdkLogicalId(variant, id, { underUnknownScope: enclosed });
    const exact = !!m?.exact && !(variant.length === 1 && hashed && !isLiteral(variant[0]!));
    if (m) best = better(best, { score: (exact ? EXACT : WILDCARD) + m.literal, exact });
    if (enclosed) {
      // Zero enclosing constructs is possible too (the caller passed the stack itself).
      const direct = matchCdkLogicalId(variant, id);
      if (direct?.exact && !(variant.length === 1 && hashed && !isLiteral(variant[0]!))) best = better(best, { score: EXACT + direct.literal, exact: true });
    }
  }
  if (!best && literal) {
    const loose = looseMatch(literal, id);
    if (loose > 0) best = { score: loose, exact: false };
  }
  return best;
}

/** How well a resource path matches what the log printed; 0 = not this resource. */
export function matchScore(owner: OwnerPath, hint: ResourceHint): number {
  return matchOwner(owner, hint)?.score ?? 0;
}

export interface SelectOptions {
  /**
   * Resources that must change together whichever of them the log names: a cluster and its
   * instances, a global cluster and its members. Pairs of paths as the sites' owners give them.
   */
  links?: Array<[OwnerPath, OwnerPath]>;
}

export interface Selection<S> {
  selected: S[];
  /** Keys (ownerKey) of the resources the selection covers: those named and those linked to them. */
  group: string[];
}

function where(s: Site): string {
  return `${s.file}:${s.line}`;
}

/**
 * Which sites to change. With resource hints: the best-matching resources per hint (an exact
 * match beats a wildcard one), plus every resource linked to them, and the sites that configure
 * them; a site that also configures a resource the log does not name is refused (changing it
 * would change a running resource). Without a usable hint: a single site, or a set of sites
 * whose resources are all linked to each other, is taken; anything else is ambiguous.
 */
export function selectSites<S extends Site>(sites: S[], hints: ResourceHint[], options: SelectOptions = {}): Selection<S> | { refused: string } {
  if (sites.length === 0) return { selected: [], group: [] };
  const links = options.links ?? [];
  const paths = new Map<string, OwnerPath>();
  for (const s of sites) for (const o of s.owners) paths.set(ownerKey(o), o);
  for (const [a, b] of links) {
    paths.set(ownerKey(a), a);
    paths.set(ownerKey(b), b);
  }
  const neighbours = new Map<string, Set<string>>();
  for (const [a, b] of links) {
    const ka = ownerKey(a);
    const kb = ownerKey(b);
    if (ka === kb) continue;
    if (!neighbours.has(ka)) neighbours.set(ka, new Set());
    if (!neighbours.has(kb)) neighbours.set(kb, new Set());
    neighbours.get(ka)!.add(kb);
    neighbours.get(kb)!.add(ka);
  }
  const closure = (start: Iterable<string>) => {
    const seen = new Set(start);
    const todo = [...seen];
    while (todo.length) for (const n of neighbours.get(todo.pop()!) ?? []) if (!seen.has(n)) (seen.add(n), todo.push(n));
    return seen;
  };

  let selected: S[] = [];
  let group = new Set<string>();
  if (hints.length > 0) {
    const named = new Set<string>();
    for (const hint of hints) {
      const scored = [...paths].map(([k, p]) => [k, matchScore(p, hint)] as const);
      const best = Math.max(0, ...scored.map(([, s]) => s));
      if (best > 0) for (const [k, s] of scored) if (s === best) named.add(k);
    }
    group = closure(named);
    selected = sites.filter((s) => s.owners.some((o) => group.has(ownerKey(o))));
    for (const s of selected) {
      const stranger = s.owners.find((o) => !group.has(ownerKey(o)) && !hints.some((h) => matchScore(o, h) > 0));
      if (stranger) return { refused: `${s.what} (${where(s)}) also configures '${ownerKey(stranger)}', which the log does not name` };
    }
  }
  if (selected.length === 0) {
    // The log names a resource, and these places belong to other, known resources.
    if (hints.length > 0 && sites.every((s) => s.owners.length > 0)) return { selected: [], group: [] };
    const known = sites.every((s) => s.owners.length > 0);
    const first = known ? closure([ownerKey(sites[0]!.owners[0]!)]) : undefined;
    const together = !!first && sites.every((s) => s.owners.every((o) => first.has(ownerKey(o))));
    if (sites.length > 1 && !together) {
      const named = hints.map((h) => h.id ?? h.constructPath).join(', ');
      return { refused: `${sites.length} places set this (${sites.map(where).join(', ')}) and ${named ? `none of them is clearly ${named}` : 'the log names no resource'}` };
    }
    selected = sites;
    group = first ?? new Set(sites.flatMap((s) => s.owners.map(ownerKey)));
  }
  const blocked = selected.find((s) => s.refusal);
  if (blocked) return { refused: blocked.refusal! };
  return { selected, group: [...group] };
}

/** Sites as `file:line` for messages. */
export function places(sites: Site[]): string {
  return sites.map(where).join(', ');
}

/** Number of holes a path has: 0 for literal ids. */
export function templated(path: OwnerPath): boolean {
  return holesOf(path) > 0;
}
