// The RDS resources a Python file creates, as the RDS codemods see them (tree-sitter): their
// names as templates (f"payment-db-cluster-{environment_suffix}", "orders-" + stage,
// "{}-db".format(env), "%s-db" % env), what kind of resource each is, which resources reference
// each other (`cluster_identifier=cluster.id`, a global cluster's members), and which resources
// a value configures, directly or through a variable. The counterpart of ts-resources.ts.
import type { NameTemplate } from '../../src/fix/names.js';
import type { Node } from '../../src/fix/python/parser.js';
import { usesOf } from '../../src/fix/python/resources.js';
import { callArgs, classBases, dotted, field, findAll, stringLiteral, walk } from '../../src/fix/python/syntax.js';
import { ENCLOSING, type OwnerPath } from '../../src/fix/sites.js';
import { CDK_KINDS, IDENTIFIER_KEYS, LINK_KEYS, normKey, PULUMI_KINDS, type RdsKind } from './kinds.js';
import type { PySource } from './python-rds.js';

const NESTED_ID_METHODS = new Set(['provisioned', 'serverless_v2']);

export interface PyResource {
  key: string;
  path: OwnerPath;
  kind: RdsKind;
  cls: string;
  call: Node;
  /** The scope and id arguments (CDK, CDKTF) or the name (Pulumi). */
  nameArgs: Node[];
  line: number;
}

/** The last assignment of a name in the function that holds `at`, else in the module (one only). */
function singleBinding(src: PySource, ident: Node): Node | undefined {
  const name = ident.text;
  const scopes: Node[] = [];
  for (let p = ident.parent; p; p = p.parent) if (p.type === 'function_definition') scopes.push(p);
  scopes.push(src.file.root);
  for (const scope of scopes) {
    const found: Node[] = [];
    walk(scope, (n) => {
      if (!n.equals(scope) && (n.type === 'function_definition' || n.type === 'class_definition')) return false;
      if (n.type === 'assignment' && field(n, 'left')?.type === 'identifier' && field(n, 'left')?.text === name) found.push(n);
    });
    if (found.length > 1) return undefined;
    if (found.length === 1) return field(found[0]!, 'right');
    const params = scope.type === 'function_definition' ? field(scope, 'parameters')?.namedChildren ?? [] : [];
    if (params.some((c) => c && (c.text === name || field(c, 'name')?.text === name || c.namedChildren[0]?.text === name))) return undefined;
  }
  return undefined;
}

/** `{}`/`{0}`/`{name}` fields of a str.format template, and `%s`-style fields of a `%` template. */
function formatTemplate(text: string, pct: boolean, holes: string[]): NameTemplate {
  const out: NameTemplate = [];
  let lit = '';
  let k = 0;
  const hole = () => {
    if (lit) out.push(lit);
    lit = '';
    out.push({ hole: holes[k++] ?? '?' });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!pct && (c === '{' || c === '}') && text[i + 1] === c) {
      lit += c;
      i++;
    } else if (!pct && c === '{') {
      const end = text.indexOf('}', i);
      if (end < 0) return [text];
      hole();
      i = end;
    } else if (pct && c === '%' && text[i + 1] === '%') {
      lit += '%';
      i++;
    } else if (pct && c === '%') {
      const m = /^%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdrif]/.exec(text.slice(i));
      if (!m) return [text];
      hole();
      i += m[0].length - 1;
    } else lit += c;
  }
  if (lit) out.push(lit);
  return out;
}

/**
 * A name as the source builds it: a string, an f-string, `+` concatenation, `.format(...)`,
 * `%`, a variable holding one of those; anything computed is a hole labelled with its source.
 */
export function pyNameTemplate(src: PySource, node: Node | undefined, depth = 0): NameTemplate | undefined {
  if (!node || depth > 4) return undefined;
  if (node.type === 'parenthesized_expression') return pyNameTemplate(src, node.namedChildren[0] ?? undefined, depth);
  if (node.type === 'string') {
    const start = node.namedChildren.find((c) => c?.type === 'string_start')?.text ?? '';
    if (/b/i.test(start)) return undefined;
    const plain = stringLiteral(node);
    if (plain) return [plain.value];
    const out: NameTemplate = [];
    for (const c of node.namedChildren) {
      if (!c || c.type === 'string_start' || c.type === 'string_end') continue;
      if (c.type === 'interpolation') {
        const expr = field(c, 'expression') ?? c.namedChildren[0] ?? undefined;
        out.push(...(expr && expr.type !== 'string' ? pyNameTemplate(src, expr, depth + 1) ?? [{ hole: expr.text }] : [{ hole: c.text.slice(1, -1) }]));
      } else out.push(c.text.replace(/\{\{/g, '{').replace(/\}\}/g, '}'));
    }
    return out;
  }
  if (node.type === 'concatenated_string') {
    const parts = node.namedChildren.map((c) => pyNameTemplate(src, c ?? undefined, depth + 1));
    return parts.every(Boolean) ? parts.flatMap((p) => p!) : undefined;
  }
  if (node.type === 'binary_operator') {
    const op = node.children.find((c) => c && !c.isNamed)?.text;
    const left = field(node, 'left');
    const right = field(node, 'right');
    if (op === '+') {
      const l = pyNameTemplate(src, left, depth + 1);
      const r = pyNameTemplate(src, right, depth + 1);
      return l && r ? [...l, ...r] : undefined;
    }
    const fmt = stringLiteral(left);
    if (op === '%' && fmt) {
      const args = right?.type === 'tuple' ? right.namedChildren.map((c) => c?.text ?? '?') : [right?.text ?? '?'];
      return formatTemplate(fmt.value, true, args);
    }
    return [{ hole: node.text }];
  }
  if (node.type === 'call') {
    const fn = field(node, 'function');
    const fmt = fn?.type === 'attribute' && field(fn, 'attribute')?.text === 'format' ? stringLiteral(field(fn, 'object')) : undefined;
    if (fmt) {
      const args = callArgs(node);
      return formatTemplate(fmt.value, false, (args?.positional ?? []).map((a) => a.text));
    }
    return [{ hole: node.text }];
  }
  if (node.type === 'identifier') {
    const value = singleBinding(src, node);
    const t = value ? pyNameTemplate(src, value, depth + 1) : undefined;
    // A value computed elsewhere keeps the variable's name in messages.
    return t && t.some((p) => typeof p === 'string') ? t : [{ hole: node.text }];
  }
  if (node.type === 'attribute' || node.type === 'subscript' || node.type === 'conditional_expression') return [{ hole: node.text }];
  return undefined;
}

function isStringish(n: Node | undefined): boolean {
  return !!n && ['string', 'concatenated_string', 'binary_operator'].includes(n.type) || (n?.type === 'call' && field(n, 'function')?.type === 'attribute' && field(field(n, 'function'), 'attribute')?.text === 'format');
}

/** The path prefix of a construct made with this scope: [] in a stack, ENCLOSING elsewhere. */
function scopePrefix(call: Node, scope: Node): OwnerPath {
  if (scope.type === 'identifier' && scope.text === 'self') {
    for (let p = call.parent; p; p = p.parent) {
      if (p.type === 'class_definition') return classBases(p).some((b) => /Stack$/.test(b)) ? [] : [ENCLOSING];
    }
    return [ENCLOSING];
  }
  if (scope.type === 'identifier' && /stack/i.test(scope.text) && !/scope/i.test(scope.text)) return [];
  return [ENCLOSING];
}

/** The resource a call creates, if it is one with an id or a name. */
export function pyResourceOf(src: PySource, call: Node): PyResource | undefined {
  const fn = field(call, 'function');
  const name = dotted(fn);
  if (!name) return undefined;
  const cls = name.split('.').at(-1)!;
  if (!/^[A-Z]/.test(cls)) return undefined;
  const q = src.imports.qualify(name) ?? name;
  const args = callArgs(call);
  if (!args) return undefined;
  const pulumi = q.startsWith('pulumi_aws.') || (/(^|\.)rds\.[A-Z]\w*$/.test(name) && !CDK_KINDS[cls] && !q.startsWith('aws_cdk.'));
  let path: OwnerPath | undefined;
  let nameArgs: Node[] = [];
  if (pulumi) {
    const n = args.positional[0] ?? args.keywords.get('resource_name')?.value;
    const t = n && (isStringish(n) || n.type === 'identifier' || n.type === 'attribute') ? pyNameTemplate(src, n) : undefined;
    if (!t || !n) return undefined;
    path = [t];
    nameArgs = [n];
  } else {
    const scope = args.positional[0] ?? args.keywords.get('scope')?.value;
    const id = args.positional[1] ?? args.keywords.get('id')?.value ?? args.keywords.get('id_')?.value;
    if (!scope || !id || !(isStringish(id) || id.type === 'identifier')) return undefined;
    if (!(scope.type === 'identifier' || scope.type === 'attribute')) return undefined;
    const t = pyNameTemplate(src, id);
    if (!t) return undefined;
    path = [...scopePrefix(call, scope), t];
    nameArgs = [scope, id];
  }
  const kind: RdsKind = pulumi ? PULUMI_KINDS[cls] ?? 'other' : CDK_KINDS[cls] ?? 'other';
  const clusterMember = kind === 'instance' && cls !== 'DbInstance' && (args.keywords.has('db_cluster_identifier') || args.keywords.has('cluster_identifier'));
  return { key: `${src.path}:${call.startIndex}`, path, kind: clusterMember ? 'cluster-instance' : kind, cls, call, nameArgs, line: call.startPosition.row + 1 };
}

export interface PyOwners {
  owners: OwnerPath[];
  followers: OwnerPath[];
  /** The project's own constructs and stacks a value is passed to (see ts-resources.ts ownersAt). */
  opaque?: OwnerPath[];
}

/**
 * The resources a node configures: the resource call it is an argument of (not its name), with
 * `ClusterInstance.provisioned("writer")` ids collected on the way; through a variable, its uses.
 */
export function pyOwnersAt(src: PySource, node: Node): PyOwners {
  const o = pyOwnersWalk(src, node, 0);
  return { owners: o.owners.length ? [...o.owners, ...(o.opaque ?? [])] : [], followers: o.followers };
}

function pyOwnersWalk(src: PySource, node: Node, depth: number): PyOwners {
  const out: PyOwners = { owners: [], followers: [], opaque: [] };
  const inner: string[] = [];
  for (let p = node.parent, child: Node = node; p; child = p, p = p.parent) {
    if (p.type === 'call') {
      const fn = field(p, 'function');
      if (fn && fn.equals(child)) continue;
      const r = pyResourceOf(src, p);
      if (r) {
        if (!r.nameArgs.some((a) => a.equals(child) || (child.type === 'keyword_argument' && field(child, 'value')?.equals(a)))) {
          (r.kind === 'parameter-group' ? out.followers : r.kind === 'other' ? out.opaque! : out.owners).push([...r.path, ...inner]);
        }
        return out;
      }
      const method = dotted(fn)?.split('.').at(-1);
      if (method && NESTED_ID_METHODS.has(method)) {
        const first = callArgs(p)?.positional[0];
        const t = first ? pyNameTemplate(src, first) : undefined;
        if (t) inner.unshift(t.map((x) => (typeof x === 'string' ? x : `{${x.hole}}`)).join(''));
      }
    } else if (p.type === 'assignment' && depth < 4) {
      const left = field(p, 'left');
      const right = field(p, 'right');
      if (!left || !right || !(right.startIndex <= node.startIndex && node.endIndex <= right.endIndex)) return out;
      const target = dotted(left);
      if (!target) return out;
      for (const use of usesOf(p, target)) {
        const o = pyOwnersWalk(src, use, depth + 1);
        out.owners.push(...o.owners.map((x) => [...x, ...inner]));
        out.opaque!.push(...(o.opaque ?? []));
        out.followers.push(...o.followers);
      }
      return out;
    } else if (p.type === 'return_statement' || p.type === 'lambda' || p.type === 'function_definition') {
      return out;
    }
  }
  return out;
}

/** Every RDS resource the file creates. */
export function pyCollectResources(src: PySource): PyResource[] {
  return findAll(src.file.root, 'call').flatMap((c) => {
    const r = pyResourceOf(src, c);
    return r && r.kind !== 'other' ? [r] : [];
  });
}

/** Names (`cluster`, `self.cluster`) an expression mentions. */
function mentioned(node: Node): string[] {
  const out = new Set<string>();
  walk(node, (n) => {
    if (n.type === 'attribute') {
      const d = dotted(n);
      if (d?.startsWith('self.')) out.add(d.split('.').slice(0, 2).join('.'));
    }
    if (n.type === 'identifier') {
      const parent = n.parent;
      if (parent?.type === 'attribute' && field(parent, 'attribute')?.equals(n)) return;
      if (parent?.type === 'keyword_argument' && field(parent, 'name')?.equals(n)) return;
      out.add(n.text);
    }
  });
  return [...out];
}

/** Pairs of resources of this file that must agree (see ts-resources.ts linksOf). */
export function pyLinksOf(src: PySource, resources: PyResource[]): Array<[OwnerPath, OwnerPath]> {
  const byVar = new Map<string, PyResource>();
  for (const r of resources) {
    const a = r.call.parent;
    if (a?.type === 'assignment' && field(a, 'right')?.equals(r.call)) {
      const t = dotted(field(a, 'left'));
      if (t) byVar.set(t, r);
    }
  }
  // Aliases: `cfn_cluster = cluster.node.default_child`.
  for (const a of findAll(src.file.root, 'assignment')) {
    const t = dotted(field(a, 'left'));
    const right = field(a, 'right');
    if (!t || !right || byVar.has(t) || right.type === 'call' && pyResourceOf(src, right)) continue;
    const hits = mentioned(right).map((m) => byVar.get(m)).filter(Boolean);
    if (hits.length === 1) byVar.set(t, hits[0]!);
  }
  const out: Array<[OwnerPath, OwnerPath]> = [];
  const link = (a: PyResource, b: PyResource) => a.key !== b.key && out.push([a.path, b.path]);
  const idStrings = new Map<string, PyResource[]>();
  for (const r of resources) {
    for (const [key, { value }] of callArgs(r.call)?.keywords ?? []) {
      if (!LINK_KEYS.has(normKey(key))) continue;
      for (const m of mentioned(value)) {
        const other = byVar.get(m);
        if (other) link(r, other);
      }
      if (IDENTIFIER_KEYS.has(normKey(key))) {
        const t = pyNameTemplate(src, value);
        if (t?.length) {
          const text = `${normKey(key).replace(/^db/, '')}=${t.map((x) => (typeof x === 'string' ? x : `{${x.hole}}`)).join('')}`;
          idStrings.set(text, [...(idStrings.get(text) ?? []), r]);
        }
      }
    }
  }
  for (const group of idStrings.values()) for (let i = 1; i < group.length; i++) link(group[0]!, group[i]!);
  for (const stmt of findAll(src.file.root, 'expression_statement')) {
    const e = stmt.namedChildren[0];
    if (!e) continue;
    let text: string | undefined;
    if (e.type === 'assignment' && field(e, 'left')?.type === 'attribute') text = field(field(e, 'left'), 'attribute')?.text;
    else if (e.type === 'call') {
      const name = dotted(field(e, 'function'))?.split('.').at(-1);
      const first = callArgs(e)?.positional[0];
      text = name === 'add_property_override' ? stringLiteral(first)?.value : name;
    }
    if (!text) continue;
    if (!LINK_KEYS.has(normKey(text)) && text !== 'add_dependency') continue;
    const hits = [...new Map(mentioned(e).map((m) => byVar.get(m)).filter((x): x is PyResource => !!x).map((r) => [r.key, r])).values()];
    if (text === 'add_dependency' && !hits.some((h) => h.kind === 'global-cluster')) continue;
    for (let i = 1; i < hits.length; i++) link(hits[0]!, hits[i]!);
  }
  return out;
}

/** A parameter group's `family=` when written as a string. */
export function pyFamilyOf(r: PyResource): string | undefined {
  if (r.kind !== 'parameter-group') return undefined;
  return stringLiteral(callArgs(r.call)?.keywords.get('family')?.value)?.value;
}

/** A CDK cluster and the instances it declares (`writer=rds.ClusterInstance.provisioned("writer")`): they run one engine version. */
export function pyMemberLinks(src: PySource): Array<[OwnerPath, OwnerPath]> {
  const out: Array<[OwnerPath, OwnerPath]> = [];
  for (const call of findAll(src.file.root, 'call')) {
    const method = dotted(field(call, 'function'))?.split('.').at(-1);
    if (!method || !NESTED_ID_METHODS.has(method)) continue;
    const first = callArgs(call)?.positional[0];
    const t = first ? pyNameTemplate(src, first) : undefined;
    if (!t) continue;
    const inner = t.map((x) => (typeof x === 'string' ? x : `{${x.hole}}`)).join('');
    for (const cluster of pyOwnersAt(src, call).owners) out.push([cluster, [...cluster, inner]]);
  }
  return out;
}
