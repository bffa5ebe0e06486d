// The RDS resources a TypeScript file creates, as the RDS codemods see them (jscodeshift AST):
// their names as templates (`financial-db-cluster-${environmentSuffix}`, 'Orders' + stage),
// what kind of resource each is, which resources reference each other (a cluster instance's
// `clusterIdentifier: cluster.id`, a global cluster's members), and which resources a value
// configures, directly or through a variable. Imported with `.ts` specifiers so a transform
// still runs alone under the jscodeshift CLI.
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { NameTemplate } from '../../src/fix/names.ts';
import { ENCLOSING, type OwnerPath } from '../../src/fix/sites.ts';
import { references } from '../shared/jscodeshift.ts';

export { references };
import { CDK_KINDS, IDENTIFIER_KEYS, LINK_KEYS, normKey, PULUMI_KINDS, type RdsKind } from './kinds.ts';

export { normKey, type RdsKind };

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyNode = any;


export interface TsResource {
  /** `${file}:${start}` of the `new` expression. */
  key: string;
  path: OwnerPath;
  kind: RdsKind;
  /** The class as written last (`DatabaseCluster`, `ClusterInstance`). */
  cls: string;
  node: AnyNode;
  /** Its props object, when written inline. */
  props?: AnyNode;
  /** The scope and id arguments (CDK), or the name (Pulumi). */
  nameArgs: AnyNode[];
  line: number;
}

function sourceOf(source: string, node: AnyNode): string {
  return typeof node?.start === 'number' ? source.slice(node.start, node.end) : '?';
}

function lastName(node: AnyNode): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && !node.computed) return node.property.name;
  return undefined;
}

function unwrap(node: AnyNode): AnyNode {
  let n = node;
  while (n && ['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'ParenthesizedExpression', 'TSTypeAssertion'].includes(n.type)) n = n.expression;
  return n;
}

/** The single `const name = <init>` of the file, or undefined. */
function constInit(j: JSCodeshift, root: Collection, name: string): AnyNode | undefined {
  const decls = root.find(j.VariableDeclarator).filter((p) => (p.node as AnyNode).id.type === 'Identifier' && (p.node as AnyNode).id.name === name);
  if (decls.length !== 1) return undefined;
  const decl = decls.paths()[0]!;
  return (decl.parentPath?.node as AnyNode)?.kind === 'const' ? (decl.node as AnyNode).init : undefined;
}

/**
 * A name as the source builds it: a string literal, a template literal, `+` concatenation, a
 * `const` holding one of those, `[a, b].join('-')`; anything computed is a hole labelled with
 * its source text. Undefined for values that are plainly not names (numbers, objects).
 */
export function nameTemplate(j: JSCodeshift, root: Collection, source: string, expr: AnyNode, depth = 0): NameTemplate | undefined {
  const node = unwrap(expr);
  if (!node || depth > 4) return undefined;
  if (node.type === 'StringLiteral' || (node.type === 'Literal' && typeof node.value === 'string')) return [node.value];
  if (node.type === 'TemplateLiteral') {
    const out: NameTemplate = [];
    node.quasis.forEach((q: AnyNode, i: number) => {
      if (q.value.cooked) out.push(q.value.cooked);
      const e = node.expressions[i];
      if (e) out.push(...(nameTemplate(j, root, source, e, depth + 1) ?? [{ hole: sourceOf(source, e) }]));
    });
    return out;
  }
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    const l = nameTemplate(j, root, source, node.left, depth + 1);
    const r = nameTemplate(j, root, source, node.right, depth + 1);
    if (!l || !r) return undefined;
    return [...l, ...r];
  }
  if (node.type === 'Identifier') {
    const init = constInit(j, root, node.name);
    const t = init ? nameTemplate(j, root, source, init, depth + 1) : undefined;
    // A value computed elsewhere keeps the variable's name in messages.
    return t && t.some((p) => typeof p === 'string') ? t : [{ hole: node.name }];
  }
  if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && lastName(node.callee) === 'join' && node.callee.object.type === 'ArrayExpression') {
    const sep = node.arguments.length ? nameTemplate(j, root, source, node.arguments[0], depth + 1) : [','];
    if (!sep) return undefined;
    const out: NameTemplate = [];
    node.callee.object.elements.forEach((el: AnyNode, i: number) => {
      if (i > 0) out.push(...sep);
      out.push(...(nameTemplate(j, root, source, el, depth + 1) ?? [{ hole: sourceOf(source, el) }]));
    });
    return out;
  }
  if (node.type === 'MemberExpression' || node.type === 'CallExpression' || node.type === 'ConditionalExpression' || node.type === 'LogicalExpression') {
    return [{ hole: sourceOf(source, node) }];
  }
  return undefined;
}

const STRINGISH = new Set(['StringLiteral', 'TemplateLiteral', 'BinaryExpression']);
const isStringish = (n: AnyNode) => !!n && (STRINGISH.has(unwrap(n).type) || (unwrap(n).type === 'Literal' && typeof unwrap(n).value === 'string'));

/** Does a class declaration extend a stack (cdk.Stack, NestedStack, TerraformStack, a *Stack of the project)? */
function classIsStack(cls: AnyNode): boolean {
  const sup = cls?.superClass;
  const name = lastName(sup);
  return !!name && /Stack$/.test(name);
}

/** The path prefix of a construct whose scope is `scopeArg`: [] in a stack, ENCLOSING elsewhere. */
function scopePrefix(path: ASTPath, scopeArg: AnyNode): OwnerPath {
  const scope = unwrap(scopeArg);
  if (scope?.type === 'ThisExpression') {
    for (let p: ASTPath | null = path.parent; p; p = p.parent) {
      const n = p.node as AnyNode;
      if (n.type === 'ClassDeclaration' || n.type === 'ClassExpression') return classIsStack(n) ? [] : [ENCLOSING];
    }
    return [ENCLOSING];
  }
  // A stack object made at the top of an app (`const stack = new TerraformStack(app, 'x')`) or a scope parameter.
  if (scope?.type === 'Identifier' && /stack/i.test(scope.name) && !/scope/i.test(scope.name)) return [];
  return [ENCLOSING];
}

/** The resource a `new X(...)` creates, if it is one with an id or a name. */
export function resourceOf(j: JSCodeshift, root: Collection, source: string, file: string, path: ASTPath): TsResource | undefined {
  const node = path.node as AnyNode;
  if (node.type !== 'NewExpression') return undefined;
  const cls = lastName(node.callee);
  if (!cls) return undefined;
  const pulumi = node.callee.type === 'MemberExpression' && lastName(node.callee.object) === 'rds' && PULUMI_KINDS[cls] !== undefined && !CDK_KINDS[cls];
  const [a0, a1, a2] = node.arguments;
  let path0: OwnerPath | undefined;
  let props: AnyNode;
  let nameArgs: AnyNode[] = [];
  if (!pulumi && (unwrap(a0)?.type === 'ThisExpression' || (unwrap(a0)?.type === 'Identifier' && a1 && (isStringish(a1) || unwrap(a1).type === 'Identifier')))) {
    const id = nameTemplate(j, root, source, a1);
    if (!id) return undefined;
    path0 = [...scopePrefix(path, a0), id];
    props = a2;
    nameArgs = [a0, a1];
  } else if (a0 && (isStringish(a0) || unwrap(a0).type === 'Identifier')) {
    const name = nameTemplate(j, root, source, a0);
    if (!name) return undefined;
    path0 = [name];
    props = a1;
    nameArgs = [a0];
  }
  if (!path0) return undefined;
  const kind: RdsKind = pulumi ? PULUMI_KINDS[cls]! : CDK_KINDS[cls] ?? (PULUMI_KINDS[cls] && lastName(node.callee.object) === 'rds' ? PULUMI_KINDS[cls]! : 'other');
  const inline = unwrap(props);
  return {
    key: `${file}:${node.start}`,
    path: path0,
    kind: kind === 'instance' && inline?.type === 'ObjectExpression' && hasKey(inline, ['dbClusterIdentifier', 'clusterIdentifier']) && cls !== 'DbInstance' ? 'cluster-instance' : kind,
    cls,
    node,
    props: inline?.type === 'ObjectExpression' ? inline : undefined,
    nameArgs,
    line: node.loc?.start.line ?? 0,
  };
}

function hasKey(obj: AnyNode, keys: string[]): boolean {
  return obj.properties.some((p: AnyNode) => p.key && keys.includes(p.key.name ?? p.key.value));
}

export function propKey(p: AnyNode): string | undefined {
  if (!p || (p.type !== 'ObjectProperty' && p.type !== 'Property') || p.computed) return undefined;
  if (p.key.type === 'Identifier') return p.key.name;
  if (p.key.type === 'StringLiteral' || p.key.type === 'Literal') return String(p.key.value);
  return undefined;
}

export interface OwnersAt {
  owners: OwnerPath[];
  /** The project's own constructs and stacks a value is passed to: which resource inside uses it is not known. */
  opaque?: OwnerPath[];
  /** Parameter and option groups the value also configures. */
  followers: OwnerPath[];
  /** The resources, for kinds. */
  resources: TsResource[];
}

/**
 * The resources a node configures: walk up to the `new X(...)` it is an argument of (an id
 * argument is not configuration), collecting `ClusterInstance.provisioned('writer')` ids on the
 * way; through a variable, follow its uses.
 */
export function ownersAt(j: JSCodeshift, root: Collection, source: string, file: string, start: ASTPath): OwnersAt {
  const o = ownersWalk(j, root, source, file, start, 0);
  // Passed only into the project's own constructs: unknown. Next to RDS resources: resources the
  // log cannot name, so a value they share is not changed for the named one alone.
  return { ...o, owners: o.owners.length ? [...o.owners, ...(o.opaque ?? [])] : [] };
}

function ownersWalk(j: JSCodeshift, root: Collection, source: string, file: string, start: ASTPath, depth: number): OwnersAt {
  const out: OwnersAt = { owners: [], followers: [], resources: [], opaque: [] };
  const inner: string[] = [];
  const add = (r: TsResource, extra: string[]) => {
    const path = [...r.path, ...extra];
    if (r.kind === 'parameter-group') out.followers.push(path);
    else if (r.kind === 'other') out.opaque!.push(path);
    else out.owners.push(path);
    out.resources.push(r);
  };
  for (let p: ASTPath | null = start.parent, child: ASTPath = start; p; child = p, p = p.parent) {
    const node = p.node as AnyNode;
    if (node.type === 'NewExpression') {
      const r = resourceOf(j, root, source, file, p);
      if (r) {
        // The scope and the id (or name) arguments name the resource; they do not configure it.
        if (!r.nameArgs.includes(child.node)) add(r, inner);
        return out;
      }
    } else if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' &&
      ['provisioned', 'serverlessV2'].includes(node.callee.property?.name)) {
      const id = nameTemplate(j, root, source, node.arguments[0]);
      if (id && id.every((x) => typeof x === 'string')) inner.unshift(id.join(''));
      else if (id) inner.unshift(id.map((x) => (typeof x === 'string' ? x : `\${${x.hole}}`)).join(''));
    } else if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && depth < 4) {
      for (const ref of references(j, root, node.id.name)) {
        const o = ownersWalk(j, root, source, file, ref, depth + 1);
        out.owners.push(...o.owners.map((x) => [...x, ...inner]));
        out.opaque!.push(...(o.opaque ?? []));
        out.followers.push(...o.followers);
        out.resources.push(...o.resources);
      }
      return out;
    } else if (/Function|ClassMethod|ObjectMethod/.test(node.type)) {
      if (node.type === 'ClassMethod' && node.kind === 'constructor') continue;
      return out;
    }
  }
  return out;
}

/** Every RDS resource (and user construct) the file creates. */
export function collectResources(j: JSCodeshift, root: Collection, source: string, file: string): TsResource[] {
  const out: TsResource[] = [];
  root.find(j.NewExpression).forEach((p) => {
    const r = resourceOf(j, root, source, file, p);
    if (r && r.kind !== 'other') out.push(r);
  });
  return out;
}

/** The variable (`cluster`, `this.cluster`) a resource is assigned to, when it is. */
function boundName(path: ASTPath): string | undefined {
  let p: ASTPath | null = path.parent;
  while (p && ['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'ParenthesizedExpression'].includes((p.node as AnyNode).type)) p = p.parent;
  const n = p?.node as AnyNode;
  if (n?.type === 'VariableDeclarator' && n.id.type === 'Identifier') return n.id.name;
  if (n?.type === 'AssignmentExpression') {
    const l = n.left;
    if (l.type === 'Identifier') return l.name;
    if (l.type === 'MemberExpression' && l.object.type === 'ThisExpression' && !l.computed) return `this.${l.property.name}`;
  }
  if (n?.type === 'ClassProperty' && n.key?.type === 'Identifier') return `this.${n.key.name}`;
  return undefined;
}

/** Names (`cluster`, `this.cluster`) an expression mentions. */
function mentioned(j: JSCodeshift, expr: AnyNode): string[] {
  const out = new Set<string>();
  j(expr).find(j.Identifier).forEach((p) => {
    const parent = p.parentPath?.node as AnyNode;
    if (parent?.type === 'MemberExpression' && parent.property === p.node && !parent.computed) {
      if (parent.object.type === 'ThisExpression') out.add(`this.${(p.node as AnyNode).name}`);
      return;
    }
    if (parent?.type === 'ObjectProperty' && parent.key === p.node && !parent.shorthand) return;
    out.add((p.node as AnyNode).name);
  });
  if (expr.type === 'Identifier') out.add(expr.name);
  return [...out];
}

/**
 * Pairs of resources of this file that must agree: a property of one (`clusterIdentifier`,
 * `globalClusterIdentifier`, `sourceDbClusterIdentifier`, a parameter group) names the other by
 * variable or by the same identifier string, or a statement ties them
 * (`cfnCluster.globalClusterIdentifier = global.ref`, `cluster.node.addDependency(global)`).
 */
export function linksOf(j: JSCodeshift, root: Collection, source: string, resources: TsResource[]): Array<[OwnerPath, OwnerPath]> {
  const byVar = new Map<string, TsResource>();
  root.find(j.NewExpression).forEach((p) => {
    const r = resources.find((x) => x.node === p.node);
    const name = r ? boundName(p) : undefined;
    if (r && name) byVar.set(name, r);
  });
  // Aliases: `const cfnCluster = cluster.node.defaultChild as rds.CfnDBCluster`.
  root.find(j.VariableDeclarator).forEach((p) => {
    const n = p.node as AnyNode;
    if (n.id.type !== 'Identifier' || !n.init || byVar.has(n.id.name) || unwrap(n.init).type === 'NewExpression') return;
    const hits = mentioned(j, n.init).map((m) => byVar.get(m)).filter(Boolean);
    if (hits.length === 1) byVar.set(n.id.name, hits[0]!);
  });
  const out: Array<[OwnerPath, OwnerPath]> = [];
  const link = (a: TsResource, b: TsResource) => a !== b && out.push([a.path, b.path]);
  const idStrings = new Map<string, TsResource[]>();
  for (const r of resources) {
    for (const prop of r.props?.properties ?? []) {
      const key = propKey(prop);
      if (!key || !LINK_KEYS.has(normKey(key))) continue;
      for (const m of mentioned(j, prop.value)) {
        const other = byVar.get(m);
        if (other) link(r, other);
      }
      if (IDENTIFIER_KEYS.has(normKey(key))) {
        const t = nameTemplate(j, root, source, prop.value);
        if (t && t.length) {
          const text = `${normKey(key).replace(/^db/, '')}=${t.map((x) => (typeof x === 'string' ? x : `\${${x.hole}}`)).join('')}`;
          idStrings.set(text, [...(idStrings.get(text) ?? []), r]);
        }
      }
    }
  }
  for (const group of idStrings.values()) for (let i = 1; i < group.length; i++) link(group[0]!, group[i]!);
  // Statements that tie two resources outside their constructors.
  root.find(j.ExpressionStatement).forEach((p) => {
    const e = (p.node as AnyNode).expression;
    let text: string | undefined;
    if (e.type === 'AssignmentExpression' && e.left.type === 'MemberExpression') text = lastName(e.left);
    else if (e.type === 'CallExpression') {
      const name = lastName(e.callee);
      const arg0 = e.arguments[0];
      text = name === 'addPropertyOverride' && arg0 && isStringish(arg0) ? sourceOf(source, arg0).replace(/['"`]/g, '') : name;
    }
    if (!text) return;
    const tied = LINK_KEYS.has(normKey(text)) || text === 'addDependency';
    if (!tied) return;
    const hits = [...new Set(mentioned(j, e).map((m) => byVar.get(m)).filter((x): x is TsResource => !!x))];
    if (text === 'addDependency' && !hits.some((h) => h.kind === 'global-cluster')) return;
    for (let i = 1; i < hits.length; i++) link(hits[0]!, hits[i]!);
  });
  return out;
}

/** A parameter group's `family` when written as a string (`aurora-postgresql15`). */
export function familyOf(r: TsResource): string | undefined {
  if (r.kind !== 'parameter-group') return undefined;
  const prop = r.props?.properties.find((p: AnyNode) => propKey(p) === 'family');
  const v = prop ? unwrap(prop.value) : undefined;
  if (v?.type === 'StringLiteral' || (v?.type === 'Literal' && typeof v.value === 'string')) return v.value;
  return undefined;
}

/** A CDK cluster and the instances it declares (`writer: ClusterInstance.provisioned('writer')`): they run one engine version. */
export function memberLinks(j: JSCodeshift, root: Collection, source: string, file: string): Array<[OwnerPath, OwnerPath]> {
  const out: Array<[OwnerPath, OwnerPath]> = [];
  root.find(j.CallExpression).forEach((p) => {
    const node = p.node as AnyNode;
    if (node.callee.type !== 'MemberExpression' || !['provisioned', 'serverlessV2'].includes(node.callee.property?.name)) return;
    const id = nameTemplate(j, root, source, node.arguments[0]);
    if (!id) return;
    const inner = id.map((x) => (typeof x === 'string' ? x : `\${${x.hole}}`)).join('');
    for (const cluster of ownersAt(j, root, source, file, p).owners) out.push([cluster, [...cluster, inner]]);
  });
  return out;
}

const CDK_ENGINE_METHODS: Record<string, string> = {
  postgres: 'postgres', mysql: 'mysql', mariaDb: 'mariadb', auroraMysql: 'aurora-mysql', auroraPostgres: 'aurora-postgresql', aurora: 'aurora',
};
const CDK_ENGINE_CONSTANTS: Record<string, string> = {
  POSTGRES: 'postgres', MYSQL: 'mysql', MARIADB: 'mariadb', AURORA: 'aurora', AURORA_MYSQL: 'aurora-mysql', AURORA_POSTGRESQL: 'aurora-postgresql',
};
const VERSION_CLASSES = new Set(['PostgresEngineVersion', 'AuroraPostgresEngineVersion', 'MysqlEngineVersion', 'AuroraMysqlEngineVersion', 'MariaDbEngineVersion']);

export interface EngineInfo {
  engine?: string;
  version?: string;
}

/** A string the file gives an expression: a literal, a `const`. */
function stringOf(j: JSCodeshift, root: Collection, expr: AnyNode, depth = 0): string | undefined {
  const n = unwrap(expr);
  if (!n || depth > 4) return undefined;
  if (n.type === 'StringLiteral' || (n.type === 'Literal' && typeof n.value === 'string')) return n.value;
  if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis[0].value.cooked;
  if (n.type === 'Identifier') {
    const init = constInit(j, root, n.name);
    return init ? stringOf(j, root, init, depth + 1) : undefined;
  }
  return undefined;
}

/** The props of the resource a variable holds, when the file creates it (`const cluster = new aws.rds.Cluster(...)`). */
function propsOfVar(j: JSCodeshift, root: Collection, name: string): AnyNode | undefined {
  const init = unwrap(constInit(j, root, name));
  if (init?.type !== 'NewExpression') return undefined;
  return init.arguments.map(unwrap).find((a: AnyNode) => a?.type === 'ObjectExpression');
}

function prop(obj: AnyNode, key: string): AnyNode | undefined {
  return obj?.properties?.find((p: AnyNode) => propKey(p) === key)?.value;
}

/**
 * Engine and version of a Pulumi / CDKTF / L1 resource's props: its own `engine` and
 * `engineVersion`, else those of the cluster it joins (`clusterIdentifier: cluster.id`).
 */
export function propsEngine(j: JSCodeshift, root: Collection, obj: AnyNode, depth = 0): EngineInfo {
  const out: EngineInfo = {};
  const engine = prop(obj, 'engine');
  const version = prop(obj, 'engineVersion');
  const viaVar = (v: AnyNode, key: string): AnyNode | undefined => {
    let n = unwrap(v);
    if (n?.type === 'CallExpression' && lastName(n.callee) === 'apply') n = n.callee.object;
    if (n?.type === 'MemberExpression' && lastName(n) === key && n.object.type === 'Identifier') return propsOfVar(j, root, n.object.name);
    return undefined;
  };
  if (engine) {
    const s = stringOf(j, root, engine);
    const e = unwrap(engine);
    if (s) out.engine = s;
    else if (e?.type === 'MemberExpression' && lastName(e.object) === 'EngineType') out.engine = engineFromName(String(lastName(e) ?? ''));
    else if (depth < 3) {
      const other = viaVar(engine, 'engine');
      if (other) out.engine = propsEngine(j, root, other, depth + 1).engine;
    }
  }
  if (version) {
    const s = stringOf(j, root, version);
    if (s) out.version = s;
    else if (depth < 3) {
      const other = viaVar(version, 'engineVersion');
      if (other) out.version = propsEngine(j, root, other, depth + 1).version;
    }
  }
  if ((!out.engine || !out.version) && depth < 3) {
    const link = prop(obj, 'clusterIdentifier') ?? prop(obj, 'dbClusterIdentifier');
    const n = unwrap(link);
    if (n?.type === 'MemberExpression' && n.object.type === 'Identifier') {
      const cluster = propsOfVar(j, root, n.object.name);
      if (cluster) {
        const c = propsEngine(j, root, cluster, depth + 1);
        if (!out.engine) out.engine = c.engine;
        if (!out.version && (!c.engine || c.engine === out.engine)) out.version = c.version;
      }
    }
  }
  return out;
}

function engineFromName(name: string): string {
  const flat = name.toLowerCase().replace(/[-_]/g, '');
  return ['postgres', 'aurora-postgresql', 'mysql', 'aurora-mysql', 'mariadb', 'aurora'].find((e) => e.replace('-', '') === flat) ?? name.toLowerCase();
}

/** A CDK `engine:` expression: `rds.DatabaseClusterEngine.auroraMysql({ version: rds.AuroraMysqlEngineVersion.VER_3_05_2 })`. */
export function cdkEngineInfo(j: JSCodeshift, root: Collection, expr: AnyNode, depth = 0): EngineInfo | undefined {
  const n = unwrap(expr);
  if (!n || depth > 4) return undefined;
  if (n.type === 'Identifier') {
    const init = constInit(j, root, n.name);
    return init ? cdkEngineInfo(j, root, init, depth + 1) : undefined;
  }
  const engineClass = (o: AnyNode) => ['DatabaseInstanceEngine', 'DatabaseClusterEngine'].includes(lastName(o) ?? '');
  if (n.type === 'MemberExpression' && engineClass(n.object)) {
    const e = CDK_ENGINE_CONSTANTS[lastName(n) ?? ''];
    return e ? { engine: e } : undefined;
  }
  if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && engineClass(n.callee.object)) {
    const engine = CDK_ENGINE_METHODS[lastName(n.callee) ?? ''];
    if (!engine) return undefined;
    const arg = unwrap(n.arguments[0]);
    const v = arg?.type === 'ObjectExpression' ? cdkVersion(j, root, prop(arg, 'version'), depth + 1) : undefined;
    return v ? { engine, version: v } : { engine };
  }
  return undefined;
}

function cdkVersion(j: JSCodeshift, root: Collection, expr: AnyNode, depth: number): string | undefined {
  const n = unwrap(expr);
  if (!n || depth > 4) return undefined;
  if (n.type === 'Identifier') {
    const init = constInit(j, root, n.name);
    return init ? cdkVersion(j, root, init, depth + 1) : undefined;
  }
  if (n.type === 'MemberExpression' && VERSION_CLASSES.has(lastName(n.object) ?? '') && /^VER_/.test(lastName(n) ?? '')) {
    return lastName(n)!.slice(4).replace(/_/g, '.').toLowerCase();
  }
  if (n.type === 'CallExpression' && lastName(n.callee) === 'of' && VERSION_CLASSES.has(lastName(n.callee.object) ?? '')) return stringOf(j, root, n.arguments[0]);
  return undefined;
}
