// The signature catalogue: signatures/<id>.yaml, one failure class per file, validated on
// load. A bad file is one clear error naming the file and the field (exit 2).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import type { Event } from '../types.js';
import { type Needle, mayContain, needleOf } from './prefilter.js';

export type Kind = 'auto' | 'guidance' | 'not-source';
export type Severity = 'error' | 'warning';

export interface CaptureSpec {
  description: string;
  /** A list capture: the matched text is split into items (valid versions, ...). */
  list?: boolean;
}

export interface Signature {
  id: string;
  title: string;
  /**
   * Titles for one finding, with {capture} placeholders: the first whose placeholders the finding
   * has values for heads the report (`Terraform argument "acl" is not supported`); `title`
   * otherwise. Empty for most signatures.
   */
  headline: string[];
  severity: Severity;
  kind: Kind;
  match: {
    tools?: Event['tool'][];
    /** Compiled primary patterns: the first that matches wins, every match of it counts. */
    patterns: RegExp[];
    /** Extra patterns that only add captures (a list of valid versions printed elsewhere). */
    extra: RegExp[];
    /** Near misses: a message matching any of these is not this signature. */
    not: RegExp[];
    /**
     * The failing resource (logical id, Pulumi name, Terraform address or construct path) must
     * match one of these: a class told apart by who created the resource, not by the message
     * (a Lambda function the CDK created for itself). Such signatures are tried before the
     * others on events that name a resource.
     */
    resources?: RegExp[];
    /**
     * A broad class (any AccessDenied, any TypeError): tried only on events that no specific
     * signature matched, so a KMS log-group refusal is not also "a permission problem".
     */
    fallback: boolean;
    /**
     * The generic layer under the catalogue (any AWS API error, any Terraform or Pulumi
     * diagnostic): tried only on events that neither a specific nor a fallback signature matched,
     * and only on failures, never on warnings. The first generic signature that matches claims the
     * event: those not limited to a tool (a provider's error, whatever printed it) come before the
     * ones limited to one tool's framing.
     */
    generic: boolean;
    /**
     * A wrapper's restatement (`Terraform exited with code 1`, a CI step's exit status): reported
     * only when its input has no other finding; otherwise it becomes an occurrence of the cause.
     */
    restates: boolean;
    /** Per pattern and near miss: text any match must contain (see prefilter.ts). */
    needles: { patterns: Array<Needle | null>; not: Array<Needle | null> };
  };
  captures: Record<string, CaptureSpec>;
  /** Captures that identify the cause; occurrences with equal values are one finding. */
  fingerprint: string[];
  /** The explanation, with {capture} placeholders. */
  message: string;
  /**
   * A codemod, with `args`: values the codemod gets for captures the message did not print
   * (a deprecation warning cut after its first line still names a known replacement).
   */
  fix: { codemod: string; args: Record<string, string> } | { guidance: string };
  references: string[];
  examples: { match: Array<{ text: string; resource?: string; captures?: Record<string, string | string[]> }>; nomatch: string[] };
  /** Where it was loaded from, for error messages. */
  file: string;
  /** Pattern sources as written, for linting. */
  sources: string[];
}

/** Placeholders a headline may use besides captures: the failing resource the log names. */
export const FINDING_PLACEHOLDERS = new Set(['resource', 'resourceType']);

const TOOLS = new Set(['cloudformation', 'cdk', 'pulumi', 'terraform', 'python', 'text']);
const TOP_KEYS = new Set(['id', 'title', 'headline', 'severity', 'kind', 'match', 'captures', 'fingerprint', 'message', 'fix', 'references', 'examples']);

let bundledDir: string | undefined;

/** The bundled catalogue: found by walking up from this module (src/ or dist/src/). */
export function bundledSignatureDir(): string {
  return (bundledDir ??= findBundledSignatureDir());
}

function findBundledSignatureDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'signatures');
    if (fs.existsSync(path.join(candidate)) && fs.statSync(candidate).isDirectory() && fs.existsSync(path.join(dir, 'package.json'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('bundled signatures/ folder not found next to package.json');
}

class SchemaError extends UserError {}

function fail(file: string, field: string, problem: string): never {
  throw new SchemaError(`${file}: ${field}: ${problem}`);
}

function str(file: string, obj: Record<string, unknown>, key: string, field = key): string {
  const v = obj[key];
  if (typeof v !== 'string' || !v.trim()) fail(file, field, 'must be a non-empty string');
  return v;
}

function strList(file: string, v: unknown, field: string, required: boolean): string[] {
  if (v === undefined && !required) return [];
  if (!Array.isArray(v) || (required && v.length === 0)) fail(file, field, required ? 'must be a non-empty list of strings' : 'must be a list of strings');
  v.forEach((x, i) => {
    if (typeof x !== 'string' || !x) fail(file, `${field}[${i}]`, 'must be a non-empty string');
  });
  return v as string[];
}

/** `(?i)` at the start of a pattern means case-insensitive (JavaScript has no inline flags). */
export function compilePattern(file: string, field: string, source: string): RegExp {
  let flags = 'gu';
  let body = source;
  if (body.startsWith('(?i)')) {
    flags += 'i';
    body = body.slice(4);
  }
  try {
    return new RegExp(body, flags);
  } catch (err) {
    fail(file, field, `invalid regular expression (${(err as Error).message.replace(/^Invalid regular expression: /, '')})`);
  }
}

export function validateSignature(file: string, raw: unknown): Signature {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail(file, '(root)', 'must be a mapping');
  const doc = raw as Record<string, unknown>;
  for (const key of Object.keys(doc)) if (!TOP_KEYS.has(key)) fail(file, key, `unknown field (expected one of ${[...TOP_KEYS].join(', ')})`);
  const id = str(file, doc, 'id');
  const base = path.basename(file).replace(/\.ya?ml$/, '');
  if (id !== base) fail(file, 'id', `must equal the file name '${base}'`);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) fail(file, 'id', 'must be kebab-case');
  const title = str(file, doc, 'title');
  const headline = typeof doc.headline === 'string' ? [doc.headline] : strList(file, doc.headline, 'headline', false);
  const severity = str(file, doc, 'severity');
  if (severity !== 'error' && severity !== 'warning') fail(file, 'severity', "must be 'error' or 'warning'");
  const kind = str(file, doc, 'kind');
  if (kind !== 'auto' && kind !== 'guidance' && kind !== 'not-source') fail(file, 'kind', "must be 'auto', 'guidance' or 'not-source'");

  const match = doc.match;
  if (!match || typeof match !== 'object' || Array.isArray(match)) fail(file, 'match', 'must be a mapping with patterns');
  const m = match as Record<string, unknown>;
  for (const key of Object.keys(m)) {
    if (!['tools', 'patterns', 'extra', 'not', 'resources', 'fallback', 'generic', 'restates'].includes(key)) fail(file, `match.${key}`, 'unknown field (expected tools, patterns, extra, not, resources, fallback, generic, restates)');
  }
  for (const key of ['fallback', 'generic', 'restates']) {
    if (m[key] !== undefined && typeof m[key] !== 'boolean') fail(file, `match.${key}`, 'must be true or false');
  }
  if ([m.fallback, m.generic, m.restates].filter((v) => v === true).length > 1) fail(file, 'match', 'fallback, generic and restates exclude each other');
  const tools = strList(file, m.tools, 'match.tools', false);
  tools.forEach((t, i) => {
    if (!TOOLS.has(t)) fail(file, `match.tools[${i}]`, `unknown tool '${t}' (expected one of ${[...TOOLS].join(', ')})`);
  });
  const patternSources = strList(file, m.patterns, 'match.patterns', true);
  const extraSources = strList(file, m.extra, 'match.extra', false);
  const notSources = strList(file, m.not, 'match.not', false);
  const resourceSources = strList(file, m.resources, 'match.resources', false);
  if (m.resources !== undefined && resourceSources.length === 0) fail(file, 'match.resources', 'must be a non-empty list of strings');
  const patterns = patternSources.map((s, i) => compilePattern(file, `match.patterns[${i}]`, s));
  const extra = extraSources.map((s, i) => compilePattern(file, `match.extra[${i}]`, s));
  const not = notSources.map((s, i) => compilePattern(file, `match.not[${i}]`, s));
  const resources = resourceSources.map((s, i) => compilePattern(file, `match.resources[${i}]`, s));

  const capturesRaw = doc.captures ?? {};
  if (typeof capturesRaw !== 'object' || Array.isArray(capturesRaw)) fail(file, 'captures', 'must be a mapping of capture name to description');
  const captures: Record<string, CaptureSpec> = {};
  for (const [name, spec] of Object.entries(capturesRaw as Record<string, unknown>)) {
    if (!/^[a-z][A-Za-z0-9]*$/.test(name)) fail(file, `captures.${name}`, 'capture names are camelCase');
    if (typeof spec === 'string') captures[name] = { description: spec };
    else if (spec && typeof spec === 'object' && typeof (spec as Record<string, unknown>).description === 'string') {
      const s = spec as Record<string, unknown>;
      if (s.list !== undefined && typeof s.list !== 'boolean') fail(file, `captures.${name}.list`, 'must be true or false');
      captures[name] = { description: s.description as string, list: s.list === true };
    } else fail(file, `captures.${name}`, 'must be a description string or { description, list }');
  }
  // Every named group must be a documented capture: capture names are a public contract.
  [...patternSources, ...extraSources].forEach((s, i) => {
    for (const g of s.matchAll(/\(\?<([A-Za-z][A-Za-z0-9]*)>/g)) {
      if (!captures[g[1]!]) fail(file, i < patternSources.length ? `match.patterns[${i}]` : `match.extra[${i - patternSources.length}]`, `named group '${g[1]}' is not listed under captures`);
    }
  });
  headline.forEach((h, i) => {
    for (const g of h.matchAll(/\{([^{}]*)\}/g)) {
      if (!captures[g[1]!] && !FINDING_PLACEHOLDERS.has(g[1]!)) fail(file, `headline[${i}]`, `'{${g[1]}}' is not a capture (nor resource, resourceType)`);
    }
  });
  const fingerprint = strList(file, doc.fingerprint, 'fingerprint', false);
  fingerprint.forEach((f, i) => {
    if (!captures[f]) fail(file, `fingerprint[${i}]`, `'${f}' is not a capture`);
  });

  const message = str(file, doc, 'message');
  const fixRaw = doc.fix;
  let fix: Signature['fix'];
  if (!fixRaw || typeof fixRaw !== 'object' || Array.isArray(fixRaw)) fail(file, 'fix', 'must be { codemod: <id> } or { guidance: <text> }');
  const f = fixRaw as Record<string, unknown>;
  for (const key of Object.keys(f)) if (!['codemod', 'args', 'guidance'].includes(key)) fail(file, `fix.${key}`, 'unknown field (expected codemod, args, guidance)');
  if (typeof f.codemod === 'string' && f.codemod) {
    const args: Record<string, string> = {};
    if (f.args !== undefined) {
      if (!f.args || typeof f.args !== 'object' || Array.isArray(f.args)) fail(file, 'fix.args', 'must be a mapping of capture name to value');
      for (const [k, v] of Object.entries(f.args as Record<string, unknown>)) {
        if (!captures[k]) fail(file, `fix.args.${k}`, `'${k}' is not a capture`);
        if (typeof v !== 'string' || !v) fail(file, `fix.args.${k}`, 'must be a non-empty string');
        args[k] = v;
      }
    }
    fix = { codemod: f.codemod, args };
  } else if (f.args !== undefined) fail(file, 'fix.args', 'only a codemod takes args');
  else if (typeof f.guidance === 'string' && f.guidance) fix = { guidance: f.guidance };
  else fail(file, 'fix', 'must be { codemod: <id> } or { guidance: <text> }');
  if ('codemod' in fix && kind !== 'auto') fail(file, 'fix.codemod', `a codemod needs kind 'auto' (is '${kind}')`);
  const references = strList(file, doc.references, 'references', false);

  const ex = doc.examples;
  if (!ex || typeof ex !== 'object' || Array.isArray(ex)) fail(file, 'examples', 'must have match and nomatch lists');
  const e = ex as Record<string, unknown>;
  if (!Array.isArray(e.match) || e.match.length === 0) fail(file, 'examples.match', 'must be a non-empty list');
  const matchExamples = e.match.map((x, i) => {
    if (typeof x === 'string') return { text: x };
    if (x && typeof x === 'object' && typeof (x as Record<string, unknown>).text === 'string') {
      const c = (x as Record<string, unknown>).captures;
      if (c !== undefined && (typeof c !== 'object' || Array.isArray(c))) fail(file, `examples.match[${i}].captures`, 'must be a mapping');
      const r = (x as Record<string, unknown>).resource;
      if (r !== undefined && (typeof r !== 'string' || !r)) fail(file, `examples.match[${i}].resource`, 'must be a non-empty string');
      return { text: (x as Record<string, unknown>).text as string, ...(r ? { resource: r as string } : {}), captures: c as Record<string, string | string[]> | undefined };
    }
    fail(file, `examples.match[${i}]`, 'must be a string or { text, captures }');
  });
  const nomatch = strList(file, e.nomatch, 'examples.nomatch', true);

  return {
    id, title, headline, severity, kind,
    match: {
      tools: tools.length ? (tools as Event['tool'][]) : undefined,
      patterns, extra, not,
      ...(resources.length ? { resources } : {}),
      fallback: m.fallback === true,
      generic: m.generic === true,
      restates: m.restates === true,
      needles: { patterns: patterns.map(needleOf), not: not.map(needleOf) },
    },
    captures, fingerprint, message, fix, references,
    examples: { match: matchExamples, nomatch },
    file,
    sources: [...patternSources, ...extraSources, ...notSources, ...resourceSources],
  };
}

/** Fields only a report, `explain` or the tests read: kept out of what every run parses. */
type DetailField = 'title' | 'headline' | 'message' | 'fix' | 'references' | 'examples';
export type SignatureDetails = Pick<Signature, DetailField>;

/**
 * A validated signature as the build stores it (scripts/compile-signatures.js): what
 * classification needs, as plain data, with pattern sources instead of RegExps and the
 * needles already computed. Its details are stored apart.
 */
export interface StoredSignature extends Omit<Signature, 'match' | 'file' | 'sources' | DetailField> {
  match: Omit<Signature['match'], 'patterns' | 'extra' | 'not' | 'resources'> & { patterns: string[]; extra: string[]; not: string[]; resources?: string[] };
}

interface CompiledEntry {
  name: string;
  size: number;
  mtimeMs: number;
  signature: StoredSignature;
}

/** Bump when StoredSignature changes: a dist/ built by another version is not trusted. */
export const COMPILED_FORMAT = 5;
export const COMPILED_FILE = 'signatures.json';
export const DETAILS_FILE = 'signature-details.json';

/** The two halves the build writes for one signature. */
export function storeSignature(sig: Signature): { signature: StoredSignature; details: SignatureDetails } {
  const { file: _f, sources, match, title, headline, message, fix, references, examples, ...rest } = sig;
  // the sources as written (RegExp#source would escape every `/`)
  const np = match.patterns.length;
  const ne = match.extra.length;
  const nn = match.not.length;
  const { resources, ...plain } = match;
  return {
    signature: {
      ...rest,
      match: {
        ...plain,
        patterns: sources.slice(0, np),
        extra: sources.slice(np, np + ne),
        not: sources.slice(np + ne, np + ne + nn),
        ...(resources ? { resources: sources.slice(np + ne + nn) } : {}),
      },
    },
    details: { title, headline, message, fix, references, examples },
  };
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/**
 * The build parses and validates the bundled YAML into dist/: the YAML parser, the schema
 * checks and the needle analysis cost more than the rest of a small run. An entry is used only
 * while its file is unchanged since the build (same size and mtime).
 */
function compiledEntries(dir: string): Map<string, CompiledEntry> {
  const data = readJson<{ format?: number; files?: CompiledEntry[] }>(path.join(path.dirname(dir), 'dist', COMPILED_FILE));
  if (data?.format !== COMPILED_FORMAT || !Array.isArray(data.files)) return new Map();
  return new Map(data.files.map((f) => [f.name, f]));
}

let detailsCache: Record<string, { size: number; mtimeMs: number; details: SignatureDetails }> | undefined;

/** A compiled signature's details, read on first use (a finding, `explain`), not on every run. */
function compiledDetails(dir: string, entry: CompiledEntry): SignatureDetails {
  if (!detailsCache) {
    const data = readJson<{ format?: number; files?: typeof detailsCache }>(path.join(path.dirname(dir), 'dist', DETAILS_FILE));
    detailsCache = data?.format === COMPILED_FORMAT && data.files ? data.files : {};
  }
  const hit = detailsCache[entry.name];
  if (hit && hit.size === entry.size && hit.mtimeMs === entry.mtimeMs) return hit.details;
  // dist/ half rebuilt: read the YAML itself (the yaml package also loads as CommonJS)
  const file = path.join(dir, entry.name);
  const { parse } = process.getBuiltinModule('node:module').createRequire(import.meta.url)('yaml') as { parse: (t: string) => unknown };
  return validateSignature(file, parse(fs.readFileSync(file, 'utf8')));
}

function compileAll(file: string, field: string, list: string[]): RegExp[] {
  return list.map((src, i) => compilePattern(file, `match.${field}[${i}]`, src));
}

type SignatureMatch = Signature['match'];

/** A compiled signature's match: its RegExps are compiled when first asked for. */
class CompiledMatch implements SignatureMatch {
  readonly tools: Signature['match']['tools'];
  readonly fallback: boolean;
  readonly generic: boolean;
  readonly restates: boolean;
  readonly needles: Signature['match']['needles'];
  #patterns?: RegExp[];
  #extra?: RegExp[];
  #not?: RegExp[];
  #resources?: RegExp[];

  constructor(
    private readonly file: string,
    private readonly stored: StoredSignature['match'],
  ) {
    this.tools = stored.tools;
    this.fallback = stored.fallback;
    this.generic = stored.generic;
    this.restates = stored.restates;
    this.needles = stored.needles;
  }

  get patterns(): RegExp[] {
    return (this.#patterns ??= compileAll(this.file, 'patterns', this.stored.patterns));
  }
  get extra(): RegExp[] {
    return (this.#extra ??= compileAll(this.file, 'extra', this.stored.extra));
  }
  get not(): RegExp[] {
    return (this.#not ??= compileAll(this.file, 'not', this.stored.not));
  }
  get resources(): RegExp[] | undefined {
    const r = this.stored.resources;
    return r && (this.#resources ??= compileAll(this.file, 'resources', r));
  }
}

/**
 * A signature from the compiled catalogue. Building one costs a few field copies: its RegExps
 * and its details (title, message, fix, references, examples) are read when first asked for.
 */
class CompiledSignature implements Signature {
  readonly id: string;
  readonly severity: Severity;
  readonly kind: Kind;
  readonly match: CompiledMatch;
  readonly captures: Record<string, CaptureSpec>;
  readonly fingerprint: string[];
  readonly file: string;
  #details?: SignatureDetails;

  constructor(
    private readonly dir: string,
    private readonly entry: CompiledEntry,
  ) {
    const s = entry.signature;
    this.id = s.id;
    this.severity = s.severity;
    this.kind = s.kind;
    this.captures = s.captures;
    this.fingerprint = s.fingerprint;
    this.file = `${dir}${path.sep}${entry.name}`;
    this.match = new CompiledMatch(this.file, s.match);
  }

  get sources(): string[] {
    const m = this.entry.signature.match;
    return [...m.patterns, ...m.extra, ...m.not, ...(m.resources ?? [])];
  }
  private get details(): SignatureDetails {
    return (this.#details ??= compiledDetails(this.dir, this.entry));
  }
  get title(): string {
    return this.details.title;
  }
  get headline(): string[] {
    return this.details.headline;
  }
  get message(): string {
    return this.details.message;
  }
  get fix(): Signature['fix'] {
    return this.details.fix;
  }
  get references(): string[] {
    return this.details.references;
  }
  get examples(): Signature['examples'] {
    return this.details.examples;
  }
}

export async function loadCatalogue(dirs: string[]): Promise<Signature[]> {
  let parse: ((text: string) => unknown) | undefined;
  const byId = new Map<string, Signature>();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
    } catch {
      throw new UserError(`${dir}: signature folder not found`);
    }
    let bundled = false;
    try {
      bundled = path.resolve(dir) === bundledSignatureDir();
    } catch {
      bundled = false;
    }
    const compiled = bundled ? compiledEntries(dir) : new Map<string, CompiledEntry>();
    const base = bundled ? bundledSignatureDir() : dir;
    for (const name of names) {
      const entry = compiled.get(name);
      // the bundled folder is absolute and normalised already: no path.join per file
      const file = entry ? `${base}${path.sep}${name}` : path.join(dir, name);
      const st = entry ? fs.statSync(file, { throwIfNoEntry: false }) : undefined;
      let sig: Signature;
      if (entry && st && st.size === entry.size && st.mtimeMs === entry.mtimeMs) {
        sig = new CompiledSignature(base, entry);
      } else {
        parse ??= (await import('yaml')).parse;
        let raw: unknown;
        try {
          raw = parse(fs.readFileSync(file, 'utf8'));
        } catch (err) {
          throw new UserError(`${file}: (yaml): ${(err as Error).message.split('\n')[0]}`);
        }
        sig = validateSignature(file, raw);
      }
      // A user's catalogue may override a bundled signature by id.
      byId.set(sig.id, sig);
    }
  }
  return [...byId.values()];
}

export interface Match {
  captures: Record<string, string | string[]>;
  /** Offset in the message where the match starts. */
  index: number;
}

const LIST_SPLIT = /[\s,'"[\]]+/;

/** Does the failing resource (its id or construct path) satisfy the signature's resource filter? */
export function resourceMatches(sig: Signature, resource: { id?: string; constructPath?: string }): boolean {
  const filters = sig.match.resources;
  if (!filters) return true;
  return filters.some((re) => [resource.id, resource.constructPath].some((v) => {
    if (!v) return false;
    re.lastIndex = 0;
    return re.test(v);
  }));
}

/**
 * Every match of this signature in a message (usually one; a ❌ summary may restate several).
 * A signature with a resource filter matches only when the resource it names satisfies it.
 */
export function matchSignature(sig: Signature, message: string, resource: { id?: string; constructPath?: string } = {}): Match[] {
  if (sig.match.resources && !resourceMatches(sig, resource)) return [];
  return matchMessage(sig, message);
}

/** The matches of a signature's patterns in a message, whatever its resource filter says. */
export function matchMessage(sig: Signature, message: string): Match[] {
  let lower: string | undefined;
  const low = () => (lower ??= message.toLowerCase());
  const { needles } = sig.match;
  // A pattern is compiled and run only when the message holds its needle. Most calls end in
  // this first loop, so it allocates nothing.
  let first = -1;
  for (let i = 0; i < needles.patterns.length && first < 0; i++) if (mayContain(needles.patterns[i]!, message, low)) first = i;
  if (first < 0) return [];
  for (let i = 0; i < needles.not.length; i++) {
    if (!mayContain(needles.not[i]!, message, low)) continue;
    const re = sig.match.not[i]!;
    re.lastIndex = 0;
    if (re.test(message)) return [];
  }
  for (let i = first; i < needles.patterns.length; i++) {
    if (i > first && !mayContain(needles.patterns[i]!, message, low)) continue;
    const re = sig.match.patterns[i]!;
    const found: Match[] = [];
    re.lastIndex = 0;
    for (const m of message.matchAll(re)) {
      found.push({ captures: groupsOf(sig, m.groups), index: m.index ?? 0 });
      if (found.length >= 50) break;
    }
    if (found.length === 0) continue;
    for (const re2 of sig.match.extra) {
      re2.lastIndex = 0;
      const m = re2.exec(message);
      if (!m) continue;
      const extra = groupsOf(sig, m.groups);
      for (const f of found) for (const [k, v] of Object.entries(extra)) if (f.captures[k] === undefined) f.captures[k] = v;
    }
    return found;
  }
  return [];
}

function groupsOf(sig: Signature, groups: Record<string, string | undefined> | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(groups ?? {})) {
    if (v === undefined || v === '') continue;
    if (sig.captures[k]?.list) {
      const items = v.split(LIST_SPLIT).filter((x) => x && !/^\.+$|…/.test(x));
      if (items.length) out[k] = items;
    } else out[k] = v;
  }
  return out;
}
