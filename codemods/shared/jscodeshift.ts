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
  // The first import's specifier, or the first `require('...')`'s in a CommonJS file.
  const first = moduleBindings(j, root)[0]?.declaration as AnyNode;
  const spec = first?.type === 'ImportDeclaration' ? first.source : first?.type === 'VariableDeclaration' ? requireArgument(first) : first?.moduleReference?.expression;
  return spec?.extra?.raw?.[0] === '"' ? 'double' : 'single';
}

function requireArgument(decl: AnyNode): AnyNode {
  for (const d of decl.declarations ?? []) {
    let init = unwrapNode(d.init);
    if (init?.type === 'MemberExpression') init = unwrapNode(init.object);
    if (init?.type === 'CallExpression') return init.arguments[0];
  }
  return undefined;
}

export function findConst(j: JSCodeshift, root: Collection, name: string): ASTPath<AnyNode> | undefined {
  const decls = root.find(j.VariableDeclarator).filter((p) => (p.node as AnyNode).id.type === 'Identifier' && (p.node as AnyNode).id.name === name);
  if (decls.length !== 1) return undefined;
  const decl = decls.paths()[0]!;
  return (decl.parentPath?.node as AnyNode)?.kind === 'const' ? decl : undefined;
}

/**
 * Whether a module-level declaration is exported: `export const x`, or in CommonJS
 * `module.exports = { x }`, `module.exports.x = x`, `exports.x = x`.
 */
export function isExported(decl: ASTPath): boolean {
  // `.parent` skips the `declarations` array: declarator -> declaration -> export.
  if ((decl.parent?.parent?.node as AnyNode)?.type === 'ExportNamedDeclaration') return true;
  const name = (decl.node as AnyNode)?.id?.type === 'Identifier' ? (decl.node as AnyNode).id.name : undefined;
  let program: ASTPath | null = decl;
  while (program && (program.node as AnyNode).type !== 'Program') program = program.parentPath;
  if (!name || !program) return false;
  const isExports = (n: AnyNode) =>
    (n?.type === 'Identifier' && n.name === 'exports') ||
    (n?.type === 'MemberExpression' && n.object?.type === 'Identifier' && n.object.name === 'module' && n.property?.name === 'exports');
  return ((program.node as AnyNode).body as AnyNode[]).some((st) => {
    const e = st.type === 'ExpressionStatement' ? st.expression : undefined;
    if (e?.type !== 'AssignmentExpression') return false;
    const { left, right } = e;
    // module.exports = { x, y: x }
    if (isExports(left) && right?.type === 'ObjectExpression') {
      return right.properties.some((p: AnyNode) => isProp(p) && p.value?.type === 'Identifier' && p.value.name === name);
    }
    // exports.x = x / module.exports.x = x
    return left?.type === 'MemberExpression' && isExports(left.object) && right?.type === 'Identifier' && right.name === name;
  });
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

/**
 * The jscodeshift parser for a source file: `tsx` for .tsx, `ts` for TypeScript, and Babel with
 * JSX (`babylon`) for JavaScript (.js, .jsx, .mjs, .cjs), which the TypeScript grammar would
 * misread where JSX or `<` comparisons look like type arguments.
 */
export function parserFor(path: string): 'ts' | 'tsx' | 'babylon' {
  if (/\.[cm]?tsx$/.test(path)) return 'tsx';
  if (/\.(?:[cm]?js|jsx)$/.test(path)) return 'babylon';
  return 'ts';
}

export interface ModuleBinding {
  /** The local name the file uses. */
  local: string;
  /** The module specifier: `aws-cdk-lib/aws-ecr`, `@pulumi/aws`. */
  module: string;
  /** `*` for the whole module (`import * as x`, `const x = require(...)`), `default`, or the exported name. */
  imported: string;
  /** `import` (ESM, `import x = require()` included) or `require` (CommonJS). */
  kind: 'import' | 'require';
  /** `import type { ... }` or `import { type X }`: usable in types only. */
  typeOnly: boolean;
  /** The declaration that binds it (ImportDeclaration, VariableDeclaration, TSImportEqualsDeclaration). */
  declaration: AnyNode;
}

/** The module specifier of `require('m')` (an argument-less or computed require is not one). */
function requiredModule(node: AnyNode): string | undefined {
  const n = unwrapNode(node);
  if (n?.type !== 'CallExpression' || n.callee?.type !== 'Identifier' || n.callee.name !== 'require' || n.arguments.length !== 1) return undefined;
  return stringValue(n.arguments[0]);
}

function unwrapNode(node: AnyNode): AnyNode {
  let n = node;
  while (n && ['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'ParenthesizedExpression'].includes(n.type)) n = n.expression;
  return n;
}

/**
 * Every name the file binds to a module, ESM or CommonJS:
 *   import * as ecr from 'aws-cdk-lib/aws-ecr'        ecr -> aws-cdk-lib/aws-ecr *
 *   import { Repository as Repo } from '...'          Repo -> ... Repository
 *   const aws = require('@pulumi/aws')                aws -> @pulumi/aws *
 *   const { Key, aws_kms: kms } = require('...')      Key -> ... Key, kms -> ... aws_kms
 *   const ecr = require('aws-cdk-lib').aws_ecr        ecr -> aws-cdk-lib aws_ecr
 *   import aws = require('@pulumi/aws')               aws -> @pulumi/aws *
 * Only module-level declarations count: a require inside a function binds a local of that function.
 */
export function moduleBindings(j: JSCodeshift, root: Collection): ModuleBinding[] {
  const out: ModuleBinding[] = [];
  const program = root.find(j.Program).nodes()[0] as AnyNode;
  for (const st of (program?.body ?? []) as AnyNode[]) {
    if (st.type === 'ImportDeclaration' && typeof st.source?.value === 'string') {
      for (const spec of st.specifiers ?? []) {
        const local = spec.local?.name;
        if (!local) continue;
        const imported = spec.type === 'ImportNamespaceSpecifier' ? '*' : spec.type === 'ImportDefaultSpecifier' ? 'default' : (spec.imported?.name ?? spec.imported?.value);
        out.push({ local, module: st.source.value, imported, kind: 'import', typeOnly: st.importKind === 'type' || spec.importKind === 'type', declaration: st });
      }
    } else if (st.type === 'TSImportEqualsDeclaration' && st.moduleReference?.type === 'TSExternalModuleReference') {
      const module = stringValue(st.moduleReference.expression);
      if (module !== undefined) out.push({ local: st.id.name, module, imported: '*', kind: 'import', typeOnly: st.importKind === 'type', declaration: st });
    } else if (st.type === 'VariableDeclaration') {
      for (const d of st.declarations ?? []) {
        const init = unwrapNode(d.init);
        let module = requiredModule(init);
        let member: string | undefined;
        if (module === undefined && init?.type === 'MemberExpression' && !init.computed && init.property?.type === 'Identifier') {
          module = requiredModule(init.object);
          member = init.property.name;
        }
        if (module === undefined) continue;
        const base = { module, kind: 'require' as const, typeOnly: false, declaration: st };
        if (d.id.type === 'Identifier') out.push({ ...base, local: d.id.name, imported: member ?? '*' });
        else if (d.id.type === 'ObjectPattern' && member === undefined) {
          for (const p of d.id.properties ?? []) {
            if (!isProp(p) || p.value?.type !== 'Identifier') continue;
            const key = keyName(p);
            if (key !== undefined) out.push({ ...base, local: p.value.name, imported: key });
          }
        }
      }
    }
  }
  return out;
}

/** What a local name is bound to by an import or a require, if anything. */
export function bindingOf(j: JSCodeshift, root: Collection, local: string): ModuleBinding | undefined {
  return moduleBindings(j, root).find((b) => b.local === local);
}

/**
 * Whether new imports in this file must be written as `const x = require('m')`: a .cjs file, or
 * a .js file that requires modules and has no `import` declaration. (.mjs and TypeScript: ESM.)
 */
export function usesRequire(j: JSCodeshift, root: Collection, path: string): boolean {
  if (/\.cjs$/.test(path)) return true;
  if (!/\.(?:js|jsx)$/.test(path)) return false;
  const bindings = moduleBindings(j, root);
  return bindings.some((b) => b.kind === 'require') && !bindings.some((b) => b.kind === 'import');
}

/**
 * A statement that binds the whole module to `local`, in the file's module system, quote and
 * semicolon habit: `import * as logs from 'aws-cdk-lib/aws-logs';` or
 * `const logs = require('aws-cdk-lib/aws-logs');`.
 */
export function namespaceImportLine(local: string, module: string, style: { commonjs: boolean; quote: string; semi: boolean }): string {
  const q = style.quote;
  const body = style.commonjs ? `const ${local} = require(${q}${module}${q})` : `import * as ${local} from ${q}${module}${q}`;
  return `${body}${style.semi ? ';' : ''}`;
}
