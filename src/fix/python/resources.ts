// Which resource a piece of Python IaC configures: the CDK construct (`X(self, "Id", ...)`)
// or Pulumi resource (`aws.x.Y("name", ...)`) whose arguments contain it, directly or through
// a variable, plus nested ids such as `rds.ClusterInstance.provisioned("writer", ...)`.
import type { Imports } from './imports.js';
import type { Node } from './parser.js';
import { callArgs, calleeName, dotted, field, nameUses, walk } from './syntax.js';

export type Flavor = 'cdk' | 'pulumi';

/** A resource name as written: exact, or a pattern for f-strings (`f"{stack}-db"`). */
export interface NamePattern {
  exact?: string;
  re?: RegExp;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A string or f-string argument as a name pattern; undefined for anything else. */
export function namePattern(node: Node | undefined): NamePattern | undefined {
  if (!node || node.type !== 'string') return undefined;
  const start = node.namedChildren.find((c) => c?.type === 'string_start');
  if (!start || /b/i.test(start.text)) return undefined;
  let exact = '';
  let re = '';
  let dynamic = false;
  for (const c of node.namedChildren) {
    if (!c || c.type === 'string_start' || c.type === 'string_end') continue;
    if (c.type === 'interpolation') {
      dynamic = true;
      re += '.+';
    } else {
      exact += c.text;
      re += escapeRe(c.text);
    }
  }
  return dynamic ? { re: new RegExp(`^${re}$`) } : { exact };
}

export function matchesName(p: NamePattern | undefined, name: string): boolean {
  if (!p) return false;
  return p.exact !== undefined ? p.exact === name : !!p.re?.test(name);
}

/** CDK or Pulumi, from what the callee is imported from; by argument shape when it is not imported. */
export function flavorOf(call: Node, imports: Imports): Flavor | undefined {
  const q = imports.qualify(calleeName(call));
  if (q?.startsWith('aws_cdk.') || q?.startsWith('constructs.')) return 'cdk';
  if (q?.startsWith('pulumi_aws.') || q?.startsWith('pulumi.') || q?.startsWith('pulumi_')) return 'pulumi';
  const args = callArgs(call);
  if (!args) return undefined;
  if (args.positional[0]?.type === 'string') return 'pulumi';
  if (args.positional[0]?.type === 'identifier' && args.positional[1]?.type === 'string') return 'cdk';
  return undefined;
}

/** The id argument of a resource constructor call: CDK's second positional (or id=), Pulumi's first (or resource_name=). */
export function idArgument(call: Node, imports: Imports): { node: Node; flavor: Flavor } | undefined {
  const flavor = flavorOf(call, imports);
  const args = callArgs(call);
  if (!flavor || !args) return undefined;
  const node = flavor === 'cdk' ? args.positional[1] ?? args.keywords.get('id')?.value : args.positional[0] ?? args.keywords.get('resource_name')?.value;
  if (!node || node.type !== 'string') return undefined;
  if (flavor === 'cdk' && !args.positional[0] && !args.keywords.has('scope')) return undefined;
  return { node, flavor };
}

/** The text of a name pattern, for paths: exact, or the f-string source. */
function idText(node: Node): string | undefined {
  const p = namePattern(node);
  if (!p) return undefined;
  return p.exact ?? node.text;
}

const NESTED_ID_METHODS = new Set(['provisioned', 'serverless_v2']);

/**
 * The resource paths a node configures (outermost construct id first), [] when unknown.
 * Follows a variable the value is assigned to into the calls that use it (same scope).
 */
export function ownersOf(node: Node, imports: Imports, depth = 0): string[][] {
  const inner: string[] = [];
  for (let p: Node | null = node.parent, child: Node = node; p; child = p, p = p.parent) {
    if (p.type === 'call') {
      const fn = field(p, 'function');
      // The callee itself (`x.add_to_resource_policy(...)`) is not an argument of the call.
      if (fn && fn.equals(child)) continue;
      const id = idArgument(p, imports);
      if (id) {
        const t = idText(id.node);
        if (t !== undefined && !id.node.equals(child)) return [[t, ...inner]];
      }
      const name = calleeName(p);
      const method = name?.split('.').at(-1);
      if (method && NESTED_ID_METHODS.has(method)) {
        const first = callArgs(p)?.positional[0];
        const t = first ? idText(first) : undefined;
        if (t !== undefined) inner.unshift(t);
      }
    } else if (p.type === 'assignment' && depth < 4) {
      const left = field(p, 'left');
      const right = field(p, 'right');
      if (!left || !right || !(right.startIndex <= node.startIndex && node.endIndex <= right.endIndex)) return [];
      const target = dotted(left);
      if (!target) return [];
      const paths: string[][] = [];
      for (const use of usesOf(p, target)) for (const o of ownersOf(use, imports, depth + 1)) paths.push([...o, ...inner]);
      return paths;
    } else if (p.type === 'return_statement' || p.type === 'lambda') {
      return [];
    }
  }
  return [];
}

/** Reads of `name` / `self.attr` after an assignment, in the scope the assignment is in. */
export function usesOf(assignment: Node, target: string): Node[] {
  const scope = scopeOf(assignment, target);
  const out: Node[] = [];
  if (target.includes('.')) {
    walk(scope, (n) => {
      if (n.type === 'attribute' && dotted(n) === target && !isAssignmentTarget(n)) out.push(n);
    });
  } else {
    for (const use of nameUses(scope, target)) if (!isAssignmentTarget(use) && use.startIndex > assignment.startIndex) out.push(use);
  }
  return out;
}

function isAssignmentTarget(n: Node): boolean {
  const p = n.parent;
  return !!p && p.type === 'assignment' && !!field(p, 'left')?.equals(n);
}

/** `self.x` lives in the class; a plain name in the enclosing function, else the module. */
function scopeOf(node: Node, target: string): Node {
  const want = target.startsWith('self.') ? 'class_definition' : 'function_definition';
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === want) return p;
    if (p.type === 'module') return p;
  }
  return node;
}
