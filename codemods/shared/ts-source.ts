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

export function parseTs(ts: TS, path: string, text: string): TsFile {
  const kind = /\.[cm]?tsx$/.test(path) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return { path, text, sf: ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind) };
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

/**
 * What a local name is imported as: `{ module: 'aws-cdk-lib/aws-apigateway', imported: '*' }`
 * for `import * as apigw from ...`, `imported: 'RestApi'` for a named import (alias resolved).
 */
export function importOf(ts: TS, file: TsFile, local: string): { module: string; imported: string } | undefined {
  for (const st of file.sf.statements) {
    if (!ts.isImportDeclaration(st) || !st.importClause || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const module = st.moduleSpecifier.text;
    const c = st.importClause;
    if (c.name?.text === local) return { module, imported: 'default' };
    const nb = c.namedBindings;
    if (nb && ts.isNamespaceImport(nb) && nb.name.text === local) return { module, imported: '*' };
    if (nb && ts.isNamedImports(nb)) {
      const el = nb.elements.find((x) => x.name.text === local);
      if (el) return { module, imported: (el.propertyName ?? el.name).text };
    }
  }
  return undefined;
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
