// Small TypeScript-compiler helpers for codemods that edit by text splices (comments and
// layout stay exactly as written): parsing, what an imported name refers to, the construct
// id of a `new X(scope, 'Id', props)` call, object-literal lookups, and adding a property to
// an object literal in the literal's own layout. The compiler API comes from ts-morph,
// loaded by the caller.
import type { ts as TsNamespace } from 'ts-morph';
import type { Splice } from '../add-logs-kms-statement/source.js';

export type TS = typeof TsNamespace;
export type TsNode = TsNamespace.Node;
export type { Splice };

export interface TsFile {
  path: string;
  text: string;
  sf: TsNamespace.SourceFile;
}

/** How the compiler reads a file: JavaScript (.js, .mjs, .cjs) as JS, .jsx and .tsx with JSX. */
export function scriptKindOf(ts: TS, path: string): TsNamespace.ScriptKind {
  if (/\.[cm]?tsx$/.test(path)) return ts.ScriptKind.TSX;
  if (/\.jsx$/.test(path)) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(path)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

export function parseTs(ts: TS, path: string, text: string): TsFile {
  return { path, text, sf: ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKindOf(ts, path)) };
}

/** Does the file parse without syntax errors? */
export function parsesCleanly(file: TsFile): boolean {
  return ((file.sf as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics ?? []).length === 0;
}

export function walkTs(ts: TS, node: TsNode, fn: (n: TsNode) => void): void {
  const visit = (n: TsNode): void => {
    fn(n);
    n.forEachChild(visit);
  };
  visit(node);
}

export function lineOf(file: TsFile, node: TsNode): number {
  return file.sf.getLineAndCharacterOfPosition(node.getStart(file.sf)).line + 1;
}

/** Parentheses, `as`, `satisfies` and `!` around an expression. */
export function unwrapExpr(ts: TS, e: TsNamespace.Expression): TsNamespace.Expression {
  let n = e;
  while (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || ts.isNonNullExpression(n)) n = n.expression;
  return n;
}

/** The module of `require('m')`, unwrapped from parentheses and casts. */
export function requiredModule(ts: TS, e: TsNamespace.Expression | undefined): string | undefined {
  const n = e ? unwrapExpr(ts, e) : undefined;
  if (!n || !ts.isCallExpression(n) || !ts.isIdentifier(n.expression) || n.expression.text !== 'require' || n.arguments.length !== 1) return undefined;
  return stringText(ts, n.arguments[0]);
}

export interface TsBinding {
  local: string;
  module: string;
  /** `*` (whole module), `default`, or the exported name. */
  imported: string;
  kind: 'import' | 'require';
  statement: TsNamespace.Statement;
}

/**
 * Every module-level name bound to a module, ESM or CommonJS: `import * as aws from '@pulumi/aws'`,
 * `import { Key as K } from ...`, `import aws = require(...)`, `const aws = require('@pulumi/aws')`,
 * `const { Key, aws_kms: kms } = require('aws-cdk-lib/...')`, `const ecr = require('aws-cdk-lib').aws_ecr`.
 */
export function moduleBindings(ts: TS, file: TsFile): TsBinding[] {
  const out: TsBinding[] = [];
  for (const st of file.sf.statements) {
    if (ts.isImportDeclaration(st) && st.importClause && ts.isStringLiteral(st.moduleSpecifier)) {
      const module = st.moduleSpecifier.text;
      const c = st.importClause;
      if (c.name) out.push({ local: c.name.text, module, imported: 'default', kind: 'import', statement: st });
      const nb = c.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) out.push({ local: nb.name.text, module, imported: '*', kind: 'import', statement: st });
      if (nb && ts.isNamedImports(nb)) {
        for (const el of nb.elements) out.push({ local: el.name.text, module, imported: (el.propertyName ?? el.name).text, kind: 'import', statement: st });
      }
    } else if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference)) {
      const module = stringText(ts, st.moduleReference.expression);
      if (module !== undefined) out.push({ local: st.name.text, module, imported: '*', kind: 'import', statement: st });
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer ? unwrapExpr(ts, d.initializer) : undefined;
        let module = requiredModule(ts, init);
        let member: string | undefined;
        if (module === undefined && init && ts.isPropertyAccessExpression(init)) {
          module = requiredModule(ts, init.expression);
          member = init.name.text;
        }
        if (module === undefined) continue;
        if (ts.isIdentifier(d.name)) out.push({ local: d.name.text, module, imported: member ?? '*', kind: 'require', statement: st });
        else if (ts.isObjectBindingPattern(d.name) && member === undefined) {
          for (const el of d.name.elements) {
            if (el.dotDotDotToken || !ts.isIdentifier(el.name)) continue;
            const key = el.propertyName ? propName(ts, el.propertyName) : el.name.text;
            if (key !== undefined) out.push({ local: el.name.text, module, imported: key, kind: 'require', statement: st });
          }
        }
      }
    }
  }
  return out;
}

/**
 * What a local name is imported as: `{ module: 'aws-cdk-lib/aws-apigateway', imported: '*' }`
 * for `import * as apigw from ...` or `const apigw = require(...)`, `imported: 'RestApi'` for a
 * named import or a destructured require (alias resolved).
 */
export function importOf(ts: TS, file: TsFile, local: string): { module: string; imported: string } | undefined {
  const b = moduleBindings(ts, file).find((x) => x.local === local);
  return b ? { module: b.module, imported: b.imported } : undefined;
}

/** New imports in this file are `const x = require('m')`: a .cjs file, or a .js file that requires and never imports. */
export function usesRequire(ts: TS, file: TsFile): boolean {
  if (/\.cjs$/.test(file.path)) return true;
  if (!/\.(?:js|jsx)$/.test(file.path)) return false;
  const bindings = moduleBindings(ts, file);
  return bindings.some((b) => b.kind === 'require') && !bindings.some((b) => b.kind === 'import');
}

/**
 * `apigw.RestApi`, `RestApi` (named import) or `cdk.aws_apigateway.RestApi` resolved to
 * `aws-cdk-lib/aws-apigateway.RestApi` (also `@aws-cdk/aws-apigateway.RestApi` for CDK v1).
 * Undefined when the head is not imported from a package.
 */
export function qualifiedCdkName(ts: TS, file: TsFile, e: TsNamespace.Expression): string | undefined {
  const parts: string[] = [];
  let n: TsNamespace.Expression = e;
  while (ts.isPropertyAccessExpression(n)) {
    parts.unshift(n.name.text);
    n = n.expression;
  }
  if (!ts.isIdentifier(n)) return undefined;
  const imp = importOf(ts, file, n.text);
  if (!imp) return undefined;
  let module = imp.module;
  if (imp.imported !== '*' && imp.imported !== 'default') parts.unshift(imp.imported);
  // `import * as cdk from 'aws-cdk-lib'; cdk.aws_apigateway.RestApi` / `import { aws_apigateway as apigw } from 'aws-cdk-lib'`
  if (module === 'aws-cdk-lib' && parts[0]?.startsWith('aws_')) module = `aws-cdk-lib/${parts.shift()!.replace(/_/g, '-')}`;
  return [module, ...parts].join('.');
}

export function stringText(ts: TS, e: TsNamespace.Expression | undefined): string | undefined {
  if (!e) return undefined;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  return undefined;
}

export function propName(ts: TS, name: TsNamespace.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

export interface PropLookup {
  prop?: TsNamespace.ObjectLiteralElementLike;
  /** Initializer (or the shorthand name) of the property when found. */
  value?: TsNamespace.Expression;
  /** `...spread` or computed keys: the object may hold keys this view cannot see. */
  opaque: boolean;
}

export function findProp(ts: TS, obj: TsNamespace.ObjectLiteralExpression, name: string): PropLookup {
  let opaque = false;
  let found: PropLookup | undefined;
  for (const p of obj.properties) {
    if (ts.isSpreadAssignment(p)) {
      opaque = true;
      continue;
    }
    if (!p.name) continue;
    if (ts.isComputedPropertyName(p.name)) {
      opaque = true;
      continue;
    }
    if (propName(ts, p.name) !== name) continue;
    if (ts.isPropertyAssignment(p)) found = { prop: p, value: p.initializer, opaque: false };
    else if (ts.isShorthandPropertyAssignment(p)) found = { prop: p, value: p.name, opaque: false };
    else found = { prop: p, opaque: false };
  }
  return found ? { ...found, opaque } : { opaque };
}

/** The object literal a `const x = {...}` declared in this file holds, when `x` is used only here. */
export function localObject(ts: TS, file: TsFile, ident: TsNamespace.Identifier): TsNamespace.ObjectLiteralExpression | undefined {
  const decls: TsNamespace.VariableDeclaration[] = [];
  let uses = 0;
  walkTs(ts, file.sf, (n) => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === ident.text) decls.push(n);
    else if (ts.isIdentifier(n) && n.text === ident.text && !(ts.isVariableDeclaration(n.parent) && n.parent.name === n)) {
      const parent = n.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.name === n) return;
      if (ts.isPropertyAssignment(parent) && parent.name === n) return;
      uses++;
    }
  });
  if (decls.length !== 1 || uses !== 1) return undefined;
  const decl = decls[0]!;
  if (!ts.isVariableDeclarationList(decl.parent) || !(decl.parent.flags & ts.NodeFlags.Const)) return undefined;
  const init = decl.initializer ? unwrapExpr(ts, decl.initializer) : undefined;
  return init && ts.isObjectLiteralExpression(init) ? init : undefined;
}

const lineStartOf = (text: string, pos: number) => text.lastIndexOf('\n', pos - 1) + 1;
const indentAt = (text: string, pos: number) => /^[ \t]*/.exec(text.slice(lineStartOf(text, pos)))![0];

/** End of the line holding pos, before `\r\n`, when only a comment follows pos; else pos. */
function pastLineComment(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  const end = nl === -1 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
  return /^\s*(?:\/\/.*|\/\*.*\*\/\s*)$/.test(text.slice(pos, end)) ? end : pos;
}

/**
 * Adds `entry` (`cloudWatchRole: true`) as the last property of an object literal, in its
 * layout: `{}` -> `{ entry }`, `{ a: 1 }` -> `{ a: 1, entry }`, one property per line -> a new
 * line with the last property's indent, keeping the trailing-comma habit and any comment
 * after the last property on its line.
 */
export function addPropertySplice(ts: TS, file: TsFile, obj: TsNamespace.ObjectLiteralExpression, entry: string, unit = '  '): Splice {
  const text = file.text;
  const props = obj.properties;
  const open = obj.getStart(file.sf);
  const close = obj.getEnd() - 1; // the `}`
  const multiline = text.slice(open, close).includes('\n');
  if (props.length === 0) {
    if (!multiline) return { pos: open + 1, end: close, text: ` ${entry} ` };
    const indent = indentAt(text, open);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    return { pos: open + 1, end: close, text: `${eol}${indent}${unit}${entry},${eol}${indent}` };
  }
  const last = props[props.length - 1]!;
  const lastEnd = last.getEnd();
  const trailing = props.hasTrailingComma;
  const afterComma = trailing ? text.indexOf(',', lastEnd) + 1 : lastEnd;
  const lastLine = file.sf.getLineAndCharacterOfPosition(last.getStart(file.sf)).line;
  const openLine = file.sf.getLineAndCharacterOfPosition(open).line;
  if (!multiline || lastLine === openLine) {
    return trailing ? { pos: afterComma, end: afterComma, text: ` ${entry},` } : { pos: lastEnd, end: lastEnd, text: `, ${entry}` };
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = indentAt(text, last.getStart(file.sf));
  if (trailing) {
    const at = pastLineComment(text, afterComma);
    return { pos: at, end: at, text: `${eol}${indent}${entry},` };
  }
  // No trailing comma: the comma goes right after the last property, its comment stays with it.
  const lineEnd = pastLineComment(text, lastEnd);
  return { pos: lastEnd, end: lineEnd, text: `,${text.slice(lastEnd, lineEnd)}${eol}${indent}${entry}` };
}
