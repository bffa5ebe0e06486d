// What the two RDS Python transforms (set-rds-engine-version, set-rds-instance-class) share:
// parsed candidate files, where a value comes from (a constant, an engine enum, another
// resource's attribute), whether a constant is shared, and which engine an RDS resource runs.
import type { CodemodContext } from '../../src/fix/contract.js';
import type { Edit } from '../../src/fix/python/edits.js';
import { Imports } from '../../src/fix/python/imports.js';
import { parsePython, withPython, type Node, type PyFile } from '../../src/fix/python/parser.js';
import { matchScore, type OwnerPath, type Site } from '../../src/fix/sites.js';
import type { ResourceHint } from '../../src/types.js';
import { pyOwnersAt } from './py-resources.js';
import { callArgs, calleeName, dotted, field, findAll, nameUses, stringLiteral, walk } from '../../src/fix/python/syntax.js';

export interface PySource {
  path: string;
  text: string;
  file: PyFile;
  imports: Imports;
}

/** Parses the candidate files; the caller disposes them (see disposeAll). Files that do not parse are left out. */
export async function parseAll(files: { path: string; text: string }[]): Promise<{ sources: PySource[]; skipped: string[] }> {
  const sources: PySource[] = [];
  const skipped: string[] = [];
  for (const f of files) {
    const file = await parsePython(f.path, f.text);
    const problem = file.problems()[0];
    if (problem) {
      skipped.push(`${f.path}:${problem.line} does not parse (${problem.message}); left alone`);
      file.dispose();
      continue;
    }
    sources.push({ path: f.path, text: f.text, file, imports: new Imports(file) });
  }
  return { sources, skipped };
}

export function disposeAll(sources: PySource[]): void {
  for (const s of sources) s.file.dispose();
}

/** A place to change, with its edit precomputed as plain data (trees are freed before edits apply). */
export interface PySite<T> extends Site {
  edit(target: T): Edit;
}

export function siteKey(src: PySource, node: Node): string {
  return `${src.path}:${node.startIndex}`;
}

export function lineOf(node: Node): number {
  return node.startPosition.row + 1;
}

/**
 * Whether places already at the target settle the finding: with no resource hint, any;
 * with hints, one that belongs to a named resource (or to a resource that cannot be told).
 */
export function settles(done: Site[], hints: ResourceHint[]): boolean {
  if (done.length === 0) return false;
  if (hints.length === 0) return true;
  return done.some((s) => s.owners.length === 0 || s.owners.some((o) => hints.some((h) => matchScore(o, h) > 0)));
}

/** First found of each key. */
export function dedupe<S extends Site>(sites: S[]): S[] {
  const seen = new Set<string>();
  return sites.filter((s) => (seen.has(s.key) ? false : (seen.add(s.key), true)));
}

/** A plain string literal rewritten to hold value, keeping its prefix and quotes. */
export function restring(node: Node, value: string): Edit {
  const start = node.namedChildren.find((c) => c?.type === 'string_start');
  const end = node.namedChildren.find((c) => c?.type === 'string_end');
  return { start: node.startIndex, end: node.endIndex, text: `${start?.text ?? '"'}${value}${end?.text ?? '"'}` };
}

/** `qualified name` of a call's callee through the file's imports (`rds.CfnDBInstance` -> `aws_cdk.aws_rds.CfnDBInstance`). */
export function calleeOf(src: PySource, call: Node): string | undefined {
  return src.imports.qualify(calleeName(call));
}

/** When node is the value of `name=node` in a call: the keyword and the call. */
export function keywordOf(node: Node): { name: string; call: Node } | undefined {
  const kw = node.parent;
  if (!kw || kw.type !== 'keyword_argument' || !field(kw, 'value')?.equals(node)) return undefined;
  const list = kw.parent;
  const call = list?.parent;
  if (!list || list.type !== 'argument_list' || !call || call.type !== 'call') return undefined;
  const name = field(kw, 'name')?.text;
  return name ? { name, call } : undefined;
}

export function keywordValue(call: Node, name: string): Node | undefined {
  return callArgs(call)?.keywords.get(name)?.value;
}

/** The class a dotted expression's last-but-one part names is `cls` and it is (or may be) CDK's. */
export function isCdkMember(src: PySource, obj: Node | undefined, module: string, cls: string): boolean {
  const d = dotted(obj);
  if (!d || d.split('.').at(-1) !== cls) return false;
  const q = src.imports.qualify(d);
  // Not imported at all (`from aws_cdk.aws_rds import *`): the class name alone decides.
  return q === undefined || q === `${module}.${cls}`;
}

// ---- where a name's value comes from -------------------------------------------------------

const SCOPES = new Set(['function_definition', 'class_definition', 'lambda']);

/** Assignments `name = value` (annotated too) directly in scope, not in nested functions or classes. */
function assignmentsIn(scope: Node, name: string): Node[] {
  const out: Node[] = [];
  walk(scope, (n) => {
    if (!n.equals(scope) && SCOPES.has(n.type)) return false;
    if (n.type === 'assignment' && field(n, 'left')?.type === 'identifier' && field(n, 'left')?.text === name && field(n, 'right')) out.push(n);
  });
  return out;
}

function isParameter(fn: Node, name: string): boolean {
  for (const p of field(fn, 'parameters')?.namedChildren ?? []) {
    if (!p) continue;
    const id = p.type === 'identifier' ? p : field(p, 'name') ?? p.namedChildren.find((c) => c?.type === 'identifier');
    if (id?.text === name) return true;
  }
  return false;
}

export interface Binding {
  /** The one assignment, or the first of several. */
  assignment: Node;
  value: Node;
  /** Function or module that holds it. */
  scope: Node;
  module: boolean;
  /** How many assignments to the name that scope has. */
  count: number;
}

/** Which assignment gives the identifier its value: the enclosing function's, else the module's. */
export function bindingOf(ident: Node, root: Node): Binding | undefined {
  const name = ident.text;
  for (let p = ident.parent; p; p = p.parent) {
    if (p.type !== 'function_definition') continue;
    const found = assignmentsIn(p, name);
    if (found.length > 0) return { assignment: found[0]!, value: field(found[0]!, 'right')!, scope: p, module: false, count: found.length };
    if (isParameter(p, name)) return undefined;
  }
  const found = assignmentsIn(root, name);
  if (found.length === 0) return undefined;
  return { assignment: found[0]!, value: field(found[0]!, 'right')!, scope: root, module: true, count: found.length };
}

/** Reads of the name in the binding's scope (a module constant: also in the module's functions). */
export function readsOf(b: Binding, name: string): Node[] {
  return nameUses(b.scope, name).filter((u) => {
    const p = u.parent;
    return !(p && p.type === 'assignment' && field(p, 'left')?.equals(u));
  });
}

/** `from .config import PG_VERSION` (or an absolute project module): where the name comes from. */
export function importOf(src: PySource, name: string): { module: string; name: string } | undefined {
  for (const stmt of src.file.root.namedChildren) {
    if (!stmt || stmt.type !== 'import_from_statement') continue;
    const mod = field(stmt, 'module_name')?.text;
    if (!mod) continue;
    for (const c of stmt.childrenForFieldName('name')) {
      if (!c) continue;
      const orig = c.type === 'aliased_import' ? field(c, 'name')?.text : c.text;
      const local = c.type === 'aliased_import' ? field(c, 'alias')?.text : c.text;
      if (local === name && orig) return { module: mod, name: orig };
    }
  }
  return undefined;
}

function dirOf(path: string): string {
  return path.split('/').slice(0, -1).join('/');
}

function join(...parts: string[]): string {
  return parts.filter(Boolean).join('/');
}

/** The project file a `from <module> import` names, if it is one. */
export function moduleFile(ctx: Pick<CodemodContext, 'readFile'>, fromFile: string, module: string): string | undefined {
  const m = /^(\.*)(.*)$/.exec(module)!;
  const dots = m[1]!.length;
  const rest = m[2]!.split('.').filter(Boolean).join('/');
  const bases: string[] = [];
  if (dots > 0) {
    let dir = dirOf(fromFile).split('/').filter(Boolean);
    dir = dir.slice(0, Math.max(0, dir.length - (dots - 1)));
    bases.push(dir.join('/'));
  } else {
    const parts = dirOf(fromFile).split('/').filter(Boolean);
    for (let i = parts.length; i >= 0; i--) bases.push(parts.slice(0, i).join('/'));
  }
  for (const base of bases) {
    for (const cand of [`${join(base, rest)}.py`, join(base, rest, '__init__.py')]) {
      if (rest && ctx.readFile(cand) !== undefined) return cand;
    }
  }
  return undefined;
}

/** The module stem other files import a file by: `stacks/config.py` -> `config`, `db/__init__.py` -> `db`. */
function moduleStem(path: string): string {
  const parts = path.replace(/\.py$/, '').split('/');
  return parts.at(-1) === '__init__' ? parts.at(-2) ?? '' : parts.at(-1)!;
}

/**
 * Other project files that import a module-level name of this file (`from .config import X`,
 * `config.X`). A cheap text test first; only files that mention the name are parsed.
 */
export async function importersOf(ctx: Pick<CodemodContext, 'readFile' | 'listFiles'>, path: string, name: string): Promise<string[]> {
  const stem = moduleStem(path);
  if (!stem || stem === '__main__') return [];
  const out: string[] = [];
  for (const other of ctx.listFiles('python')) {
    if (other === path) continue;
    const text = ctx.readFile(other);
    if (text === undefined || !text.includes(name) || !text.includes(stem)) continue;
    const uses = await withPython(other, text, (f) => {
      let hit = false;
      walk(f.root, (n) => {
        if (hit) return false;
        if (n.type === 'import_from_statement') {
          const mod = field(n, 'module_name')?.text ?? '';
          const names = n.childrenForFieldName('name').map((c) => (c?.type === 'aliased_import' ? field(c, 'name')?.text : c?.text));
          if (mod.split('.').at(-1) === stem && names.includes(name)) hit = true;
          if (n.namedChildren.some((c) => c?.type === 'wildcard_import') && mod.split('.').at(-1) === stem) hit = true;
        } else if (n.type === 'attribute' && field(n, 'attribute')?.text === name) {
          if (dotted(field(n, 'object'))?.split('.').at(-1) === stem) hit = true;
        }
      });
      return hit;
    });
    if (uses) out.push(other);
  }
  return out;
}

/**
 * Project files outside the candidates that import a module-level string constant of a
 * candidate (`POSTGRES_VERSION = "15.4"` in infra/versions.py): they may set a resource from
 * it without mentioning the value themselves. Parsed for the caller (dispose them).
 */
export async function constantImporters(
  ctx: Pick<CodemodContext, 'readFile' | 'listFiles'>,
  candidates: PySource[],
  matches: (value: string) => boolean,
): Promise<PySource[]> {
  const paths = new Set<string>();
  for (const src of candidates) {
    for (const stmt of src.file.root.namedChildren) {
      const a = stmt?.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
      const left = a?.type === 'assignment' ? field(a, 'left') : undefined;
      const value = a ? stringLiteral(field(a, 'right'))?.value : undefined;
      if (left?.type !== 'identifier' || value === undefined || !matches(value)) continue;
      for (const p of await importersOf(ctx, src.path, left.text)) paths.add(p);
    }
  }
  const files = [...paths].filter((p) => !candidates.some((c) => c.path === p)).flatMap((p) => {
    const text = ctx.readFile(p);
    return text === undefined ? [] : [{ path: p, text }];
  });
  return (await parseAll(files)).sources;
}

/** A module-level string assignment's value in another project file (for an imported constant). */
export async function moduleConstant(ctx: Pick<CodemodContext, 'readFile'>, path: string, name: string): Promise<string | undefined> {
  const text = ctx.readFile(path);
  if (text === undefined) return undefined;
  return withPython(path, text, (f) => {
    const found = assignmentsIn(f.root, name);
    return found.length === 1 ? stringLiteral(field(found[0]!, 'right'))?.value : undefined;
  });
}

/**
 * Why a string held in a named constant may not be changed for one resource, or undefined
 * when this use is its only reader. `what` describes the value ('15.4').
 */
export async function constantRefusal(
  ctx: Pick<CodemodContext, 'readFile' | 'listFiles'>,
  src: PySource,
  b: Binding,
  name: string,
  what: string,
): Promise<string | undefined> {
  if (b.count > 1) return `${what} is held in '${name}', which is assigned ${b.count} times in ${src.path}; change it by hand`;
  // Several readers in this module: the resources they configure are the site's owners, and the
  // site selection decides whether they may change together.
  if (b.module) {
    const importers = await importersOf(ctx, src.path, name);
    if (importers.length > 0) return `${what} is held in '${name}', which ${importers.join(', ')} also import${importers.length === 1 ? 's' : ''}; change it by hand`;
  }
  return undefined;
}

// ---- engines -------------------------------------------------------------------------------

export const RDS_ENGINES = ['postgres', 'aurora-postgresql', 'mysql', 'aurora-mysql', 'mariadb', 'aurora'];

/** 'AURORA_POSTGRESQL', 'AuroraPostgresql', 'aurora-postgresql' -> 'aurora-postgresql'. */
export function normalizeEngine(name: string): string {
  const flat = name.toLowerCase().replace(/[-_]/g, '');
  return RDS_ENGINES.find((e) => e.replace('-', '') === flat) ?? name.toLowerCase();
}

const PULUMI_RDS_RESOURCES = new Set(['pulumi_aws.rds.Instance', 'pulumi_aws.rds.Cluster', 'pulumi_aws.rds.ClusterInstance', 'pulumi_aws.rds.GlobalCluster']);
/** CDKTF's prebuilt provider (cdktf_cdktf_provider_aws.db_instance.DbInstance) or bindings from `cdktf get` (imports.aws...). */
const CDKTF_RDS_RESOURCES = ['db_instance.DbInstance', 'rds_cluster.RdsCluster', 'rds_cluster_instance.RdsClusterInstance', 'rds_global_cluster.RdsGlobalCluster'];

/** Is this qualified callee a CDKTF AWS provider RDS resource (or its Config struct with `config: true`)? */
export function isCdktfRds(q: string | undefined, config = false): boolean {
  if (!q) return false;
  return CDKTF_RDS_RESOURCES.some((c) => q === c || q.endsWith(`.${c}`) || (config && (q === `${c}Config` || q.endsWith(`.${c}Config`))));
}

/** A call that creates an RDS resource whose `engine=` / `engine_version=` another resource may read. */
export function isRdsResource(q: string | undefined): boolean {
  return PULUMI_RDS_RESOURCES.has(q ?? '') || isCdktfRds(q);
}

/**
 * What a string-valued expression evaluates to, as far as the file says: a literal, a constant,
 * Pulumi's `aws.rds.EngineType.AURORA_MYSQL`, or another RDS resource's `cluster.engine` /
 * `cluster.engine_version` when that resource is created in this file. Undefined: not known.
 */
export function resolveText(src: PySource, node: Node | undefined, depth = 0): string | undefined {
  if (!node || depth > 4) return undefined;
  const lit = stringLiteral(node);
  if (lit) return lit.value;
  if (node.type === 'identifier') {
    const b = bindingOf(node, src.file.root);
    return b && b.count === 1 ? resolveText(src, b.value, depth + 1) : undefined;
  }
  if (node.type === 'attribute') {
    const d = dotted(node);
    const q = src.imports.qualify(d);
    const m = q ? /^pulumi_aws\.rds\.EngineType\.(\w+)$/.exec(q) : null;
    if (m) return normalizeEngine(m[1]!);
    const attr = field(node, 'attribute')?.text;
    const obj = field(node, 'object');
    if ((attr === 'engine' || attr === 'engine_version') && obj?.type === 'identifier') {
      const b = bindingOf(obj, src.file.root);
      if (b && b.count === 1 && b.value.type === 'call' && isRdsResource(calleeOf(src, b.value))) {
        return resolveText(src, keywordValue(b.value, attr), depth + 1);
      }
    }
    // self.cluster.engine: the one `self.cluster = aws.rds.Cluster(...)` of the class.
    if ((attr === 'engine' || attr === 'engine_version') && obj?.type === 'attribute' && dotted(obj)?.startsWith('self.')) {
      const value = selfAssignment(obj);
      if (value?.type === 'call' && isRdsResource(calleeOf(src, value))) return resolveText(src, keywordValue(value, attr), depth + 1);
    }
  }
  return undefined;
}

/** The value of the single `self.x = ...` in the class that holds the node. */
export function selfAssignment(attr: Node): Node | undefined {
  const target = dotted(attr);
  let cls: Node | null = attr.parent;
  while (cls && cls.type !== 'class_definition') cls = cls.parent;
  if (!cls || !target) return undefined;
  const found: Node[] = [];
  walk(cls, (n) => {
    if (n.type === 'assignment' && dotted(field(n, 'left')) === target && field(n, 'right')) found.push(field(n, 'right')!);
  });
  return found.length === 1 ? found[0] : undefined;
}

export interface EngineInfo {
  engine?: string;
  version?: string;
}

const CDK_ENGINE_METHODS: Record<string, string> = {
  postgres: 'postgres', mysql: 'mysql', maria_db: 'mariadb',
  aurora_mysql: 'aurora-mysql', aurora_postgres: 'aurora-postgresql', aurora: 'aurora',
};
const CDK_ENGINE_CONSTANTS: Record<string, string> = {
  POSTGRES: 'postgres', MYSQL: 'mysql', MARIADB: 'mariadb',
  AURORA: 'aurora', AURORA_MYSQL: 'aurora-mysql', AURORA_POSTGRESQL: 'aurora-postgresql',
};
const VERSION_CLASSES = new Set(['PostgresEngineVersion', 'AuroraPostgresEngineVersion', 'MysqlEngineVersion', 'AuroraMysqlEngineVersion', 'MariaDbEngineVersion']);

/** A CDK engine version expression as a version string: `VER_3_04_0` -> '3.04.0', `.of("15.8", "15")` -> '15.8'. */
function cdkVersion(src: PySource, node: Node | undefined, depth: number): string | undefined {
  if (!node || depth > 4) return undefined;
  if (node.type === 'identifier') {
    const b = bindingOf(node, src.file.root);
    return b && b.count === 1 ? cdkVersion(src, b.value, depth + 1) : undefined;
  }
  if (node.type === 'attribute') {
    const cls = dotted(field(node, 'object'))?.split('.').at(-1);
    const member = field(node, 'attribute')?.text ?? '';
    if (cls && VERSION_CLASSES.has(cls) && /^VER_/.test(member)) return member.slice(4).replace(/_/g, '.').toLowerCase();
    return undefined;
  }
  if (node.type === 'call') {
    const fn = field(node, 'function');
    const cls = dotted(field(fn, 'object'))?.split('.').at(-1);
    if (fn?.type === 'attribute' && field(fn, 'attribute')?.text === 'of' && cls && VERSION_CLASSES.has(cls)) {
      const args = callArgs(node);
      const first = args?.positional[0] ?? [...(args?.keywords.entries() ?? [])].find(([k]) => k.endsWith('_full_version'))?.[1].value;
      return resolveText(src, first, depth + 1);
    }
  }
  return undefined;
}

/** The engine (and version) a CDK `engine=` expression names: `rds.DatabaseClusterEngine.aurora_mysql(version=...)`. */
export function cdkEngine(src: PySource, node: Node | undefined, depth = 0): EngineInfo | undefined {
  if (!node || depth > 4) return undefined;
  if (node.type === 'identifier') {
    const b = bindingOf(node, src.file.root);
    return b && b.count === 1 ? cdkEngine(src, b.value, depth + 1) : undefined;
  }
  const engineClass = (obj: Node | undefined) =>
    isCdkMember(src, obj, 'aws_cdk.aws_rds', 'DatabaseInstanceEngine') || isCdkMember(src, obj, 'aws_cdk.aws_rds', 'DatabaseClusterEngine');
  if (node.type === 'attribute') {
    const member = field(node, 'attribute')?.text ?? '';
    return engineClass(field(node, 'object')) && CDK_ENGINE_CONSTANTS[member] ? { engine: CDK_ENGINE_CONSTANTS[member] } : undefined;
  }
  if (node.type === 'call') {
    const fn = field(node, 'function');
    if (fn?.type !== 'attribute' || !engineClass(field(fn, 'object'))) return undefined;
    const engine = CDK_ENGINE_METHODS[field(fn, 'attribute')?.text ?? ''];
    if (!engine) return undefined;
    return { engine, version: cdkVersion(src, keywordValue(node, 'version'), depth + 1) };
  }
  return undefined;
}

// ---- the installed aws-cdk-lib (jsii Python package) ----------------------------------------

const VENVS = ['.venv', 'venv', 'env'];
const PY_MINORS = Array.from({ length: 10 }, (_, i) => `3.${i + 6}`);
const RDS_INIT = 'aws_cdk/aws_rds/__init__.py';

/**
 * The project's installed `aws_cdk/aws_rds/__init__.py` (a virtualenv next to a candidate
 * file or above it, up to the project root; POSIX and Windows layouts), or undefined.
 */
export function installedCdkRds(ctx: Pick<CodemodContext, 'readFile'>, fromFiles: string[]): { path: string; text: string } | undefined {
  const dirs = new Set<string>();
  for (const f of fromFiles) {
    const parts = f.split('/').slice(0, -1);
    for (let i = parts.length; i >= 0; i--) dirs.add(parts.slice(0, i).join('/'));
  }
  for (const dir of [...dirs].sort((a, b) => b.length - a.length)) {
    for (const venv of VENVS) {
      const layouts = [...PY_MINORS.map((v) => `lib/python${v}/site-packages`), 'Lib/site-packages'];
      for (const layout of layouts) {
        const path = join(dir, venv, layout, RDS_INIT);
        const text = ctx.readFile(path, 64 * 1024 * 1024);
        if (text !== undefined) return { path, text };
      }
    }
  }
  return undefined;
}

/** A jsii class's body in the generated module: from after its `class X(...):` header to the next top-level line. */
function classBody(text: string, className: string): string | undefined {
  const m = new RegExp(`^class ${className}\\b[^\\n]*`, 'm').exec(text);
  if (!m) return undefined;
  let from = m.index + m[0].length;
  if (!/:\s*$/.test(m[0])) {
    const close = /^\)[^\n]*:[ \t]*$/m.exec(text.slice(from));
    if (!close) return undefined;
    from += close.index + close[0].length;
  }
  const next = /\n(?=[^\s#])/.exec(text.slice(from));
  return text.slice(from, next ? from + next.index : undefined);
}

/** Does the jsii enum-like class declare the member (`@jsii.member(jsii_name="VER_15_8")` / `def VER_15_8(cls)`)? */
export function pyClassHasMember(text: string, className: string, member: string): boolean {
  const body = classBody(text, className);
  if (body === undefined) return false;
  return body.includes(`jsii_name="${member}"`) || new RegExp(`\\bdef ${member}\\(\\s*cls\\b`).test(body);
}

/** Does the class's `of()` take the PostgreSQL feature keywords (`s3_import=`, `s3_export=`)? */
export function pyOfTakesFeatures(text: string, className: string): boolean {
  const body = classBody(text, className);
  const sig = body ? /\bdef of\(([\s\S]*?)\)\s*(?:->[^\n]*)?:/.exec(body) : null;
  return !!sig && /\bs3_import\b/.test(sig[1]!) && /\bs3_export\b/.test(sig[1]!);
}

// ---- owners --------------------------------------------------------------------------------

/**
 * The resources a node configures, their names as templates (py-resources.ts): the site
 * matcher compares them with what the log printed, holes as wildcards. A name built from a
 * function's parameter or a loop variable stands for every resource that code makes: a value
 * set there is shared by all of them, and the failure is one they all have.
 */
export function ownersFor(src: PySource, node: Node, _hints: ResourceHint[]): { owners: OwnerPath[]; followers: OwnerPath[]; refusal?: string } {
  return pyOwnersAt(src, node);
}
