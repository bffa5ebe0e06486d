// Helpers the jscodeshift transforms share: which construct or Pulumi resource a node
// configures, and small AST queries. Imported with a `.ts` specifier (tsc rewrites it to .js)
// so that a transform still runs alone under the jscodeshift CLI, whose Babel hook loads .ts.
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyNode = any;

export interface Owners {
  paths: string[][];
  refusal?: string;
}

/**
 * The resources a node configures: walk up to the construct or Pulumi resource it is an
 * argument of (`new X(this, 'Id', ...)` / `new aws.rds.Instance('name', ...)`), collecting
 * `ClusterInstance.provisioned('writer')` ids on the way; through a variable, follow its uses.
 */
export function ownersOf(j: JSCodeshift, root: Collection, start: ASTPath, depth = 0): Owners {
  const inner: string[] = [];
  // `.parent`, not `.parentPath`: the latter also visits argument arrays, whose `.node` is their owner again.
  for (let p: ASTPath | null = start.parent; p; p = p.parent) {
    const node = p.node as AnyNode;
    if (node.type === 'NewExpression') {
      const id = stringValue(node.arguments[1]) ?? stringValue(node.arguments[0]);
      if (id !== undefined) return { paths: [[id, ...inner]] };
    } else if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' &&
      ['provisioned', 'serverlessV2'].includes(node.callee.property?.name) && stringValue(node.arguments[0]) !== undefined) {
      inner.unshift(stringValue(node.arguments[0])!);
    } else if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && depth < 4) {
      const paths: string[][] = [];
      for (const ref of references(j, root, node.id.name)) {
        for (const o of ownersOf(j, root, ref, depth + 1).paths) paths.push([...o, ...inner]);
      }
      return { paths };
    } else if (/Function|ClassMethod|Program/.test(node.type) && !/Arrow/.test(node.type)) {
      if (node.type !== 'ClassMethod' || node.kind !== 'constructor') return { paths: [] };
    }
  }
  return { paths: [] };
}

export function lastName(node: AnyNode): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && !node.computed) return node.property.name;
  return undefined;
}

export function qualifiedLast(node: AnyNode): string | undefined {
  if (node?.type === 'Identifier') return node.name;
  if (node?.type === 'TSQualifiedName') return node.right.name;
  return undefined;
}

export function isProp(p: AnyNode): boolean {
  return (p.type === 'ObjectProperty' || p.type === 'Property') && !p.computed;
}

export function keyName(p: AnyNode): string | undefined {
  if (p.key.type === 'Identifier') return p.key.name;
  if (p.key.type === 'StringLiteral' || p.key.type === 'Literal') return String(p.key.value);
  return undefined;
}

export function stringValue(node: AnyNode): string | undefined {
  if (!node) return undefined;
  if (node.type === 'StringLiteral' || (node.type === 'Literal' && typeof node.value === 'string')) return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return undefined;
}

/** A new string literal written with the quote of the one it replaces. */
export function withQuote(j: JSCodeshift, old: AnyNode, value: string): AnyNode {
  if (old?.type === 'TemplateLiteral') return j.templateLiteral([j.templateElement({ raw: value, cooked: value }, true)], []);
  const q = old?.extra?.raw?.[0] === '"' ? '"' : "'";
  // A `Literal` keeps its raw text when printed (recast prints a StringLiteral with the file-wide quote).
  const lit: AnyNode = j.literal(value);
  lit.extra = { raw: `${q}${value}${q}`, rawValue: value };
  return lit;
}

export function fileQuote(j: JSCodeshift, root: Collection): 'single' | 'double' {
  const first = root.find(j.ImportDeclaration).nodes()[0] as AnyNode;
  return first?.source?.extra?.raw?.[0] === '"' ? 'double' : 'single';
}

export function findConst(j: JSCodeshift, root: Collection, name: string): ASTPath<AnyNode> | undefined {
  const decls = root.find(j.VariableDeclarator).filter((p) => (p.node as AnyNode).id.type === 'Identifier' && (p.node as AnyNode).id.name === name);
  if (decls.length !== 1) return undefined;
  const decl = decls.paths()[0]!;
  return (decl.parentPath?.node as AnyNode)?.kind === 'const' ? decl : undefined;
}

export function isExported(decl: ASTPath): boolean {
  return (decl.parentPath?.parentPath?.node as AnyNode)?.type === 'ExportNamedDeclaration';
}

/** Value uses of a name (not declarations, keys, member names or types). */
export function references(j: JSCodeshift, root: Collection, name: string): ASTPath[] {
  return root.find(j.Identifier, { name }).filter((p) => {
    const parent = p.parentPath?.node as AnyNode;
    const node = p.node;
    if (!parent) return false;
    if (parent.type === 'VariableDeclarator' && parent.id === node) return false;
    if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) return false;
    if ((parent.type === 'ObjectProperty' || parent.type === 'ClassProperty') && parent.key === node && !parent.computed && !parent.shorthand) return false;
    if (parent.type === 'ObjectProperty' && parent.shorthand && parent.key === node && parent.value !== node) return false;
    if (/^TS|Import|Export/.test(parent.type)) return false;
    return true;
  }).paths();
}
