// Where a Python value comes from: follows a receiver (`redis`, `self.cache`, `stack.cache`)
// back through assignments, `return`s, methods, component classes and project imports to the
// call that created it, so that only objects made by `aws.elasticache.ReplicationGroup(...)`
// are rewritten. Anything it cannot follow (a parameter, a third-party helper, a tuple unpack)
// is 'unknown', with the reason, never a guess.
import type { CodemodContext } from '../../src/fix/contract.js';
import { Imports } from '../../src/fix/python/imports.js';
import { parsePython, type Node, type PyFile } from '../../src/fix/python/parser.js';
import { callArgs, classBases, dotted, enclosingClass, field, unparen } from '../../src/fix/python/syntax.js';

export const REPLICATION_GROUP = 'pulumi_aws.elasticache.ReplicationGroup';
export const CLUSTER = 'pulumi_aws.elasticache.Cluster';
/** The same resources from CDKTF's prebuilt AWS provider. */
export const CDKTF_REPLICATION_GROUP = 'cdktf_cdktf_provider_aws.elasticache_replication_group.ElasticacheReplicationGroup';
export const CDKTF_CLUSTER = 'cdktf_cdktf_provider_aws.elasticache_cluster.ElasticacheCluster';

const isReplicationGroup = (q: string | undefined) => q === REPLICATION_GROUP || q === `${REPLICATION_GROUP}.get` || q === CDKTF_REPLICATION_GROUP;
const isCluster = (q: string | undefined) => q === CLUSTER || q === `${CLUSTER}.get` || q === CDKTF_CLUSTER;

export interface Mod {
  path: string;
  file: PyFile;
  imports: Imports;
}

export interface Creation {
  mod: Mod;
  call: Node;
}

export type Origin =
  | { kind: 'replication-group'; creations: Creation[] }
  | { kind: 'cluster'; creations: Creation[] }
  /** Known, and neither of the two (a literal, another resource, a function object). */
  | { kind: 'other'; what: string }
  | { kind: 'unknown'; why: string };

type Value = Origin | { kind: 'instance'; mod: Mod; cls: Node } | { kind: 'module'; mod: Mod };

type Sym =
  | { kind: 'value'; mod: Mod; node: Node }
  | { kind: 'def'; mod: Mod; node: Node }
  | { kind: 'class'; mod: Mod; node: Node }
  | { kind: 'module'; mod: Mod }
  | { kind: 'external'; target: string }
  | { kind: 'unknown'; why: string };

const MAX_DEPTH = 16;
/** Top-level packages that are never project sources. */
const EXTERNAL = /^(?:pulumi|pulumi_\w+|aws_cdk|constructs|cdktf\w*|boto3|botocore|typing|os|sys|json|re|dataclasses|enum|collections|functools|itertools|pathlib|datetime)$/;

const unknown = (why: string): Origin => ({ kind: 'unknown', why });

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

function join(dir: string, rel: string): string {
  return dir ? `${dir}/${rel}` : rel;
}

/** The first named child that is not a comment. */
function firstExpr(n: Node): Node | undefined {
  return n.namedChildren.find((c) => c && c.type !== 'comment') ?? undefined;
}

export class Resolver {
  private readonly mods = new Map<string, Mod | null>();
  private readonly active = new Set<string>();

  constructor(private readonly ctx: CodemodContext) {}

  dispose(): void {
    for (const m of this.mods.values()) m?.file.dispose();
    this.mods.clear();
  }

  /** A project module, parsed once; undefined when it does not exist or does not parse. */
  async module(path: string, text?: string): Promise<Mod | undefined> {
    if (this.mods.has(path)) return this.mods.get(path) ?? undefined;
    const src = text ?? this.ctx.files.find((f) => f.path === path)?.text ?? this.ctx.readFile(path);
    if (src === undefined) {
      this.mods.set(path, null);
      return undefined;
    }
    const file = await parsePython(path, src);
    if (file.problems().length) {
      file.dispose();
      this.mods.set(path, null);
      return undefined;
    }
    const mod = { path, file, imports: new Imports(file) };
    this.mods.set(path, mod);
    return mod;
  }

  /** What the expression evaluates to, as far as the source tells. */
  async origin(mod: Mod, expr: Node): Promise<Origin> {
    const v = await this.value(mod, expr, 0);
    return finish(v, expr.text);
  }

  // ---- values ------------------------------------------------------------------------------

  private async value(mod: Mod, expr: Node, depth: number): Promise<Value> {
    const n = unparen(expr);
    if (!n) return unknown(`\`${expr.text}\` is not an expression stackfix can follow`);
    if (depth > MAX_DEPTH) return unknown(`\`${n.text}\` goes through too many assignments to follow`);
    const key = `${mod.path}:${n.startIndex}:${n.endIndex}`;
    if (this.active.has(key)) return unknown(`\`${n.text}\` is defined in terms of itself`);
    this.active.add(key);
    try {
      return await this.valueOf(mod, n, depth + 1);
    } finally {
      this.active.delete(key);
    }
  }

  private async valueOf(mod: Mod, n: Node, depth: number): Promise<Value> {
    switch (n.type) {
      case 'call':
        return this.callValue(mod, n, depth);
      case 'identifier':
        return this.symsValue(await this.lookup(mod, n, n.text), n.text, depth);
      case 'attribute': {
        const q = mod.imports.qualify(dotted(n));
        if (q?.startsWith('pulumi_aws.') || q?.startsWith('pulumi.')) return { kind: 'other', what: q };
        const obj = field(n, 'object');
        const attr = field(n, 'attribute')?.text;
        if (!obj || !attr) return unknown(`\`${n.text}\``);
        if (obj.type === 'identifier' && obj.text === 'self') {
          const cls = enclosingClass(n);
          if (!cls) return unknown(`\`${n.text}\` is outside a class`);
          return this.selfAttr(mod, cls, attr, depth);
        }
        const base = await this.value(mod, obj, depth);
        if (base.kind === 'module') return this.symsValue(await this.topLevel(base.mod, attr), `${obj.text}.${attr}`, depth);
        if (base.kind === 'instance') return this.selfAttr(base.mod, base.cls, attr, depth);
        if (base.kind === 'unknown') return base;
        return unknown(`\`${n.text}\` is an attribute of something stackfix cannot follow`);
      }
      case 'conditional_expression': {
        const kids = n.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
        const [a, , b] = kids;
        if (!a || !b) return unknown(`\`${n.text}\``);
        return merge([await this.value(mod, a, depth), await this.value(mod, b, depth)]);
      }
      case 'string':
      case 'concatenated_string':
      case 'integer':
      case 'float':
      case 'true':
      case 'false':
      case 'none':
      case 'dictionary':
      case 'list':
      case 'tuple':
      case 'set':
      case 'list_comprehension':
      case 'dictionary_comprehension':
      case 'binary_operator':
        return { kind: 'other', what: 'a literal' };
      default:
        return unknown(`\`${clip(n.text)}\` is not something stackfix can follow`);
    }
  }

  private async symsValue(syms: Sym[], name: string, depth: number): Promise<Value> {
    const out: Value[] = [];
    for (const s of syms) {
      switch (s.kind) {
        case 'value':
          out.push(await this.value(s.mod, s.node, depth));
          break;
        case 'module':
          out.push({ kind: 'module', mod: s.mod });
          break;
        case 'def':
        case 'class':
          out.push({ kind: 'other', what: `the ${s.kind === 'def' ? 'function' : 'class'} ${name}` });
          break;
        case 'external':
          out.push({ kind: 'other', what: s.target });
          break;
        case 'unknown':
          out.push(unknown(s.why));
          break;
      }
    }
    return merge(out);
  }

  private async callValue(mod: Mod, call: Node, depth: number): Promise<Value> {
    const fn = field(call, 'function');
    if (!fn) return unknown(`\`${clip(call.text)}\``);
    const name = dotted(fn);
    const q = mod.imports.qualify(name);
    if (isReplicationGroup(q)) return { kind: 'replication-group', creations: [{ mod, call }] };
    if (isCluster(q)) return { kind: 'cluster', creations: [{ mod, call }] };
    if (q && /^(?:pulumi|pulumi_\w+|cdktf|cdktf_cdktf_provider_\w+)\./.test(q)) return { kind: 'other', what: `a ${q}` };
    const label = `${clip(fn.text)}()`;
    let targets: Sym[];
    if (fn.type === 'identifier') targets = await this.lookup(mod, fn, fn.text);
    else if (fn.type === 'attribute') {
      const obj = field(fn, 'object')!;
      const attr = field(fn, 'attribute')!.text;
      if (obj.type === 'identifier' && obj.text === 'self') {
        const cls = enclosingClass(fn);
        const m = cls ? await this.method(mod, cls, attr, depth) : undefined;
        if (!m) return unknown(`${label} is not a method stackfix can find`);
        targets = [m];
      } else {
        const base = await this.value(mod, obj, depth);
        if (base.kind === 'module') targets = await this.topLevel(base.mod, attr);
        else if (base.kind === 'instance') {
          const m = await this.method(base.mod, base.cls, attr, depth);
          if (!m) return unknown(`${label} is not a method stackfix can find`);
          targets = [m];
        } else if (base.kind === 'unknown') return unknown(`${label}: ${base.why}`);
        else return unknown(`${label} is a method of ${describe(base)}`);
      }
    } else return unknown(`${label} is not a call stackfix can follow`);
    const out: Value[] = [];
    for (const t of targets) {
      if (t.kind === 'def') out.push(await this.returns(t.mod, t.node, depth));
      else if (t.kind === 'class') out.push(this.instance(t.mod, t.node, call, mod));
      else if (t.kind === 'external') out.push(unknown(`returned by ${t.target}(), outside the project`));
      else if (t.kind === 'unknown') out.push(unknown(t.why));
      else out.push(unknown(`${label} calls a value stackfix cannot follow`));
    }
    return merge(out);
  }

  /** An instance of a project class: a ReplicationGroup subclass counts as one. */
  private instance(mod: Mod, cls: Node, call: Node, callMod: Mod): Value {
    for (const base of classBases(cls)) {
      const q = mod.imports.qualify(base);
      if (q === REPLICATION_GROUP || q === CDKTF_REPLICATION_GROUP) return { kind: 'replication-group', creations: [{ mod: callMod, call }] };
      if (q === CLUSTER || q === CDKTF_CLUSTER) return { kind: 'cluster', creations: [{ mod: callMod, call }] };
    }
    return { kind: 'instance', mod, cls };
  }

  /** What a function returns: the merge of its `return` expressions. */
  private async returns(mod: Mod, def: Node, depth: number): Promise<Value> {
    const body = field(def, 'body');
    if (!body) return unknown(`${field(def, 'name')?.text}() has no body`);
    const rets: Node[] = [];
    scopeWalk(body, (n) => {
      if (n.type === 'return_statement') rets.push(n);
    });
    const values: Value[] = [];
    for (const r of rets) {
      const e = firstExpr(r);
      values.push(e ? await this.value(mod, e, depth) : { kind: 'other', what: 'None' });
    }
    if (!values.length) return { kind: 'other', what: `the None ${field(def, 'name')?.text}() returns` };
    return merge(values);
  }

  /** `self.<attr>` in a class: every assignment to it in its methods, or a property, or a base class's. */
  private async selfAttr(mod: Mod, cls: Node, attr: string, depth: number): Promise<Value> {
    const body = field(cls, 'body');
    const className = field(cls, 'name')?.text ?? '?';
    if (!body) return unknown(`class ${className} has no body`);
    if (depth > MAX_DEPTH) return unknown(`self.${attr} goes through too many classes to follow`);
    const values: Node[] = [];
    const walkClass = (n: Node): void => {
      for (const c of n.namedChildren) {
        if (!c || c.type === 'class_definition' || c.type === 'lambda') continue;
        if (c.type === 'assignment') {
          for (const { target, value } of assignmentChain(c)) if (dotted(target) === `self.${attr}`) values.push(value);
        }
        walkClass(c);
      }
    };
    walkClass(body);
    if (values.length) return merge(await Promise.all(values.map((v) => this.value(mod, v, depth))));
    const prop = methodIn(cls, attr);
    if (prop && decorators(prop).includes('property')) return this.returns(mod, prop, depth);
    for (const base of await this.projectBases(mod, cls)) {
      const v = await this.selfAttr(base.mod, base.node, attr, depth + 1);
      if (v.kind !== 'unknown' || !v.why.startsWith('self.')) return v;
    }
    return unknown(`self.${attr} is never assigned in class ${className}`);
  }

  private async method(mod: Mod, cls: Node, name: string, depth: number): Promise<Sym | undefined> {
    const m = methodIn(cls, name);
    if (m) return { kind: 'def', mod, node: m };
    if (depth > MAX_DEPTH) return undefined;
    for (const base of await this.projectBases(mod, cls)) {
      const found = await this.method(base.mod, base.node, name, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  private async projectBases(mod: Mod, cls: Node): Promise<{ mod: Mod; node: Node }[]> {
    const out: { mod: Mod; node: Node }[] = [];
    const sup = field(cls, 'superclasses');
    for (const b of sup?.namedChildren ?? []) {
      if (!b || (b.type !== 'identifier' && b.type !== 'attribute')) continue;
      const syms = b.type === 'identifier' ? await this.lookup(mod, b, b.text) : [];
      for (const s of syms) if (s.kind === 'class') out.push({ mod: s.mod, node: s.node });
    }
    return out;
  }

  // ---- names -------------------------------------------------------------------------------

  /** The bindings of a name as seen from a node: the enclosing functions' scopes, then the module. */
  private async lookup(mod: Mod, at: Node, name: string): Promise<Sym[]> {
    for (let p = at.parent; p; p = p.parent) {
      if (p.type === 'lambda') {
        const params = field(p, 'parameters');
        if (params && paramNames(params).includes(name)) return [{ kind: 'unknown', why: `\`${name}\` is a lambda parameter` }];
      }
      if (p.type === 'function_definition') {
        const params = field(p, 'parameters');
        const fname = field(p, 'name')?.text ?? '?';
        if (params && paramNames(params).includes(name)) {
          return [{ kind: 'unknown', why: `\`${name}\` is a parameter of ${fname}(), so its callers decide what it is` }];
        }
        const body = field(p, 'body');
        const found = body ? await this.bindings(mod, body, name) : [];
        if (found.length) return found;
      }
    }
    return this.topLevel(mod, name);
  }

  /** A module-level name of a module. */
  private async topLevel(mod: Mod, name: string): Promise<Sym[]> {
    const found = await this.bindings(mod, mod.file.root, name);
    if (found.length) return found;
    return [{ kind: 'unknown', why: `\`${name}\` is not defined in ${mod.path}` }];
  }

  /** Bindings of name directly in a scope (not in nested functions or classes). */
  private async bindings(mod: Mod, scope: Node, name: string): Promise<Sym[]> {
    const out: Sym[] = [];
    const imports: Node[] = [];
    scopeWalk(scope, (n) => {
      switch (n.type) {
        case 'function_definition':
          if (field(n, 'name')?.text === name) out.push({ kind: 'def', mod, node: n });
          break;
        case 'class_definition':
          if (field(n, 'name')?.text === name) out.push({ kind: 'class', mod, node: n });
          break;
        case 'assignment':
          for (const { target, value } of assignmentChain(n)) {
            if (target.type === 'identifier' && target.text === name) out.push({ kind: 'value', mod, node: value });
            else if (target.type !== 'identifier' && target.type !== 'attribute' && target.type !== 'subscript' && containsName(target, name)) {
              out.push({ kind: 'unknown', why: `\`${name}\` is unpacked from \`${clip(value.text)}\`` });
            }
          }
          break;
        case 'augmented_assignment':
          if (field(n, 'left')?.text === name) out.push({ kind: 'unknown', why: `\`${name}\` is changed with ${n.children[1]?.text ?? 'an operator'}` });
          break;
        case 'named_expression':
          if (field(n, 'name')?.text === name) out.push({ kind: 'value', mod, node: field(n, 'value')! });
          break;
        case 'for_statement':
          if (containsName(field(n, 'left'), name)) out.push({ kind: 'unknown', why: `\`${name}\` is a loop variable` });
          break;
        case 'as_pattern': {
          const alias = field(n, 'alias');
          if (alias && containsName(alias, name)) out.push({ kind: 'unknown', why: `\`${name}\` is bound by \`with\`/\`except ... as\`` });
          break;
        }
        case 'import_statement':
        case 'import_from_statement':
          imports.push(n);
          break;
      }
    });
    for (const stmt of imports) out.push(...(await this.imported(mod, stmt, name)));
    return out;
  }

  /** What an import statement binds to name: a project module, a project module's name, or an external target. */
  private async imported(mod: Mod, stmt: Node, name: string): Promise<Sym[]> {
    // Modules that import each other: follow each import once per lookup chain.
    const key = `${mod.path}:import:${stmt.startIndex}:${name}`;
    if (this.active.has(key)) return [{ kind: 'unknown', why: `\`${name}\` is imported in a cycle` }];
    this.active.add(key);
    try {
      return await this.importedOnce(mod, stmt, name);
    } finally {
      this.active.delete(key);
    }
  }

  private async importedOnce(mod: Mod, stmt: Node, name: string): Promise<Sym[]> {
    if (stmt.type === 'import_statement') {
      for (const c of stmt.childrenForFieldName('name')) {
        if (!c) continue;
        const full = c.type === 'aliased_import' ? field(c, 'name')!.text : c.text;
        const local = c.type === 'aliased_import' ? field(c, 'alias')!.text : full.split('.')[0]!;
        if (local !== name) continue;
        const modName = c.type === 'aliased_import' ? full : local;
        const found = await this.findModule(mod.path, modName, 0);
        return [found ? { kind: 'module', mod: found } : { kind: 'external', target: modName }];
      }
      return [];
    }
    const source = field(stmt, 'module_name');
    if (!source) return [];
    let level = 0;
    let modName = source.text;
    if (source.type === 'relative_import') {
      level = source.namedChildren.find((c) => c?.type === 'import_prefix')?.text.length ?? 1;
      modName = source.namedChildren.find((c) => c?.type === 'dotted_name')?.text ?? '';
    }
    for (const c of stmt.childrenForFieldName('name')) {
      if (!c) continue;
      const member = c.type === 'aliased_import' ? field(c, 'name')!.text : c.text;
      const local = c.type === 'aliased_import' ? field(c, 'alias')!.text : c.text;
      if (local !== name) continue;
      const sub = await this.findModule(mod.path, modName ? `${modName}.${member}` : member, level);
      if (sub) return [{ kind: 'module', mod: sub }];
      const parent = modName || level ? await this.findModule(mod.path, modName, level) : undefined;
      if (parent) {
        if (parent.path === mod.path) return [{ kind: 'unknown', why: `\`${name}\` is imported from its own module` }];
        return this.topLevel(parent, member);
      }
      return level ? [{ kind: 'unknown', why: `\`${name}\` comes from ${'.'.repeat(level)}${modName}, which stackfix cannot find` }] : [{ kind: 'external', target: `${modName}.${member}` }];
    }
    return [];
  }

  /** A project module by dotted name: relative to the importing file, else to any directory above it. */
  private async findModule(fromPath: string, dottedName: string, level: number): Promise<Mod | undefined> {
    const rel = dottedName.split('.').filter(Boolean).join('/');
    const bases: string[] = [];
    if (level > 0) {
      let dir = dirname(fromPath);
      for (let i = 1; i < level; i++) dir = dirname(dir);
      bases.push(rel ? join(dir, rel) : dir);
    } else {
      if (!rel || EXTERNAL.test(dottedName.split('.')[0]!)) return undefined;
      for (let dir = dirname(fromPath); ; dir = dirname(dir)) {
        bases.push(join(dir, rel));
        if (!dir) break;
      }
    }
    for (const base of bases) {
      for (const candidate of base ? [`${base}.py`, `${base}/__init__.py`] : ['__init__.py']) {
        if (candidate === fromPath && !rel) continue;
        const m = await this.module(candidate);
        if (m) return m;
      }
    }
    return undefined;
  }
}

// ---- helpers -----------------------------------------------------------------------------

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}

function describe(v: Value): string {
  switch (v.kind) {
    case 'replication-group':
      return 'an aws.elasticache.ReplicationGroup';
    case 'cluster':
      return 'an aws.elasticache.Cluster';
    case 'other':
      return v.what;
    case 'instance':
      return `a ${field(v.cls, 'name')?.text ?? 'project class'} object`;
    case 'module':
      return `the module ${v.mod.path}`;
    case 'unknown':
      return v.why;
  }
}

function finish(v: Value, text: string): Origin {
  if (v.kind === 'instance') return unknown(`\`${clip(text)}\` is ${describe(v)}, not a resource stackfix knows`);
  if (v.kind === 'module') return { kind: 'other', what: describe(v) };
  return v;
}

/** One kind for a value assigned in several places; mixed kinds are unknown. */
function merge(values: Value[]): Value {
  if (!values.length) return unknown('no assignment found');
  const u = values.find((v) => v.kind === 'unknown');
  if (u) return u;
  const rg = values.filter((v): v is Extract<Value, { kind: 'replication-group' }> => v.kind === 'replication-group');
  if (rg.length === values.length) return { kind: 'replication-group', creations: rg.flatMap((v) => v.creations) };
  if (rg.length) return unknown(`it is a ReplicationGroup on one path and ${describe(values.find((v) => v.kind !== 'replication-group')!)} on another`);
  const cl = values.filter((v): v is Extract<Value, { kind: 'cluster' }> => v.kind === 'cluster');
  if (cl.length === values.length) return { kind: 'cluster', creations: cl.flatMap((v) => v.creations) };
  if (values.length === 1) return values[0]!;
  const first = values[0]!;
  if (values.every((v) => v.kind === first.kind && (v.kind !== 'instance' || (first.kind === 'instance' && v.cls.equals(first.cls))))) return first;
  return { kind: 'other', what: values.map(describe).join(' or ') };
}

/** Pre-order walk of a scope's own statements: not into nested functions, classes or lambdas. */
function scopeWalk(scope: Node, fn: (n: Node) => void): void {
  for (const c of scope.namedChildren) {
    if (!c) continue;
    fn(c);
    if (c.type === 'function_definition' || c.type === 'class_definition' || c.type === 'lambda') continue;
    scopeWalk(c, fn);
  }
}

/** `a = b = value` -> [{a, value}, {b, value}]. */
function assignmentChain(n: Node): { target: Node; value: Node }[] {
  const targets: Node[] = [];
  let cur: Node | undefined = n;
  while (cur?.type === 'assignment') {
    const left = field(cur, 'left');
    if (left) targets.push(left);
    cur = field(cur, 'right');
  }
  if (!cur) return [];
  const value = cur;
  return targets.map((target) => ({ target, value }));
}

function containsName(n: Node | undefined, name: string): boolean {
  if (!n) return false;
  if (n.type === 'identifier') return n.text === name;
  if (n.type === 'attribute' || n.type === 'subscript') return false;
  return n.namedChildren.some((c) => !!c && containsName(c, name));
}

function paramNames(params: Node): string[] {
  const out: string[] = [];
  for (const p of params.namedChildren) {
    if (!p) continue;
    if (p.type === 'identifier') out.push(p.text);
    else {
      const id = field(p, 'name') ?? p.namedChildren.find((c) => c?.type === 'identifier');
      if (id?.type === 'identifier') out.push(id.text);
    }
  }
  return out;
}

function methodIn(cls: Node, name: string): Node | undefined {
  const body = field(cls, 'body');
  for (const c of body?.namedChildren ?? []) {
    if (!c) continue;
    const def = c.type === 'decorated_definition' ? field(c, 'definition') : c;
    if (def?.type === 'function_definition' && field(def, 'name')?.text === name) return def;
  }
  return undefined;
}

function decorators(def: Node): string[] {
  const p = def.parent;
  if (p?.type !== 'decorated_definition') return [];
  return p.namedChildren.filter((c): c is Node => c?.type === 'decorator').map((d) => firstExpr(d)?.text ?? '');
}

/** Keyword arguments of a resource call, including a `args=XArgs(...)` object written inline. */
export function resourceKeywords(call: Node): { keywords: Map<string, Node>; opaque?: string } {
  const args = callArgs(call);
  const keywords = new Map<string, Node>();
  if (!args) return { keywords, opaque: 'its arguments' };
  for (const [k, v] of args.keywords) keywords.set(k, v.value);
  if (args.splat) return { keywords, opaque: 'the **kwargs it is called with' };
  // Pulumi's `X("name", XArgs(...))`; CDKTF's `X(scope, "id", ...)` has its id there, not args.
  const second = args.positional[1];
  const isId = second && ['string', 'concatenated_string', 'binary_operator'].includes(unparen(second)?.type ?? '');
  const argsObj = keywords.get('args') ?? (isId ? undefined : second);
  if (argsObj) {
    const inner = unparen(argsObj);
    const innerArgs = inner?.type === 'call' ? callArgs(inner) : undefined;
    if (!innerArgs || innerArgs.splat) return { keywords, opaque: `\`${clip(argsObj.text)}\`` };
    for (const [k, v] of innerArgs.keywords) keywords.set(k, v.value);
  }
  return { keywords };
}
