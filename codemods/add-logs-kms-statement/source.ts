// Source helpers for the TypeScript transform: a lazily parsed in-memory project, the file's
// house style (quotes, semicolons, indent, trailing commas), lexical name lookup and
// relative-import resolution. The compiler API comes from ts-morph, loaded by the caller.
import { posix } from 'node:path';
import type { ts as TsNamespace } from 'ts-morph';
import type { CodemodContext } from '../../src/fix/contract.js';

export type TS = typeof TsNamespace;
export type Node = TsNamespace.Node;
export type Expression = TsNamespace.Expression;

export interface Style {
  eol: string;
  quote: string;
  semi: boolean;
  unit: string;
  trailingComma: boolean;
}

export interface Parsed {
  path: string;
  text: string;
  sf: TsNamespace.SourceFile;
  style: Style;
}

export interface Splice {
  pos: number;
  end: number;
  text: string;
}

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const mentions = (text: string, name: string) => new RegExp(`(?<![\\w$])${escapeRe(name)}(?![\\w$])`).test(text);

export type Binding =
  | { kind: 'var'; file: Parsed; decl: TsNamespace.VariableDeclaration; stmt: TsNamespace.VariableStatement }
  | { kind: 'param'; file: Parsed; name: string; fn: TsNamespace.SignatureDeclaration; index: number; prop?: string }
  | { kind: 'destructured'; file: Parsed; decl: TsNamespace.VariableDeclaration; prop: string }
  | { kind: 'function'; file: Parsed; fn: TsNamespace.FunctionLikeDeclaration }
  | { kind: 'import'; file: Parsed; spec: string; imported: string }
  | { kind: 'class'; file: Parsed; decl: TsNamespace.ClassDeclaration }
  | { kind: 'other'; file: Parsed; what: string };

export class SourceProject {
  private readonly cache = new Map<string, Parsed | null>();

  constructor(
    readonly ts: TS,
    readonly ctx: CodemodContext,
  ) {}

  get(path: string): Parsed | undefined {
    const hit = this.cache.get(path);
    if (hit !== undefined) return hit ?? undefined;
    const text = this.ctx.files.find((f) => f.path === path)?.text ?? this.ctx.readFile(path);
    if (text === undefined) {
      this.cache.set(path, null);
      return undefined;
    }
    const kind = /\.[cm]?tsx$/.test(path) ? this.ts.ScriptKind.TSX : this.ts.ScriptKind.TS;
    const sf = this.ts.createSourceFile(path, text, this.ts.ScriptTarget.Latest, true, kind);
    const parsed: Parsed = { path, text, sf, style: detectStyle(this.ts, sf, text) };
    this.cache.set(path, parsed);
    return parsed;
  }

  /** Relative module specifiers only: a package's code is not ours to edit. */
  resolveModule(fromPath: string, spec: string): Parsed | undefined {
    if (!spec.startsWith('.')) return undefined;
    const base = posix.normalize(posix.join(posix.dirname(fromPath), spec));
    const stem = base.replace(/\.(?:[cm]?js|jsx)$/, '');
    const candidates = [base, `${stem}.ts`, `${stem}.tsx`, `${stem}/index.ts`, `${base}.ts`, `${base}/index.ts`];
    for (const c of candidates) {
      if (!/\.tsx?$/.test(c)) continue;
      const p = this.get(c);
      if (p) return p;
    }
    return undefined;
  }
}

function detectStyle(ts: TS, sf: TsNamespace.SourceFile, text: string): Style {
  const firstImport = sf.statements.find(ts.isImportDeclaration);
  const quoteSource = firstImport?.moduleSpecifier.getText(sf) ?? firstStringLiteral(ts, sf);
  const quote = quoteSource?.startsWith('"') ? '"' : "'";
  const firstStmt = firstImport ?? sf.statements[0];
  const semi = firstStmt ? firstStmt.getText(sf).trimEnd().endsWith(';') : true;
  return {
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    quote,
    semi,
    unit: detectIndentUnit(text),
    trailingComma: /,[ \t]*\r?\n[ \t]*[}\]]/.test(text),
  };
}

function firstStringLiteral(ts: TS, sf: TsNamespace.SourceFile): string | undefined {
  let found: string | undefined;
  const visit = (n: Node): void => {
    if (found) return;
    if (ts.isStringLiteral(n)) found = n.getText(sf);
    else n.forEachChild(visit);
  };
  sf.forEachChild(visit);
  return found;
}

function detectIndentUnit(text: string): string {
  let min = Infinity;
  for (const line of text.split(/\r?\n/)) {
    const m = /^([ \t]+)\S/.exec(line);
    if (!m) continue;
    if (m[1]!.startsWith('\t')) return '\t';
    if (/^\s*\*/.test(line)) continue; // JSDoc continuation lines are indented by one
    min = Math.min(min, m[1]!.length);
  }
  return min >= 2 && min <= 8 ? ' '.repeat(min) : '  ';
}

/** Leading whitespace of the line that holds `pos`. */
export function lineIndent(text: string, pos: number): string {
  const start = text.lastIndexOf('\n', pos - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** Moves an insertion point past a comment that ends the line, so the comment stays with its code. */
export function afterLineComment(text: string, pos: number): number {
  const eol = text.indexOf('\n', pos);
  const lineEnd = eol === -1 ? text.length : text[eol - 1] === '\r' ? eol - 1 : eol;
  return /^\s*(?:\/\/.*|\/\*.*\*\/\s*)$/.test(text.slice(pos, lineEnd)) ? lineEnd : pos;
}

export function applySplices(text: string, splices: Splice[]): string {
  const seen = new Set<string>();
  const unique = splices.filter((s) => {
    const k = `${s.pos}:${s.end}:${s.text}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  unique.sort((a, b) => b.pos - a.pos || b.end - a.end);
  let out = text;
  let lastPos = Infinity;
  for (const s of unique) {
    if (s.end > lastPos) throw new Error('overlapping edits');
    out = out.slice(0, s.pos) + s.text + out.slice(s.end);
    lastPos = s.pos;
  }
  return out;
}

export function unwrap(ts: TS, e: Expression): Expression {
  let cur = e;
  for (;;) {
    if (ts.isParenthesizedExpression(cur) || ts.isAsExpression(cur) || ts.isNonNullExpression(cur) || ts.isSatisfiesExpression(cur) || ts.isTypeAssertionExpression(cur)) {
      cur = cur.expression;
    } else return cur;
  }
}

export function propName(ts: TS, name: TsNamespace.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

/** The value of property `name` in an object literal (a shorthand gives its identifier). */
export function getProp(ts: TS, obj: TsNamespace.ObjectLiteralExpression, name: string): { prop: TsNamespace.ObjectLiteralElementLike; value: Expression } | undefined {
  for (const prop of obj.properties) {
    if (ts.isPropertyAssignment(prop) && propName(ts, prop.name) === name) return { prop, value: prop.initializer };
    if (ts.isShorthandPropertyAssignment(prop) && prop.name.text === name) return { prop, value: prop.name };
  }
  return undefined;
}

/** Callee text without whitespace: `aws.cloudwatch.LogGroup`. */
export function calleeText(file: Parsed, e: Expression): string {
  return e.getText(file.sf).replace(/\s+/g, '');
}

export function rootIdentifier(ts: TS, e: Expression): string | undefined {
  let cur = e;
  while (ts.isPropertyAccessExpression(cur)) cur = cur.expression;
  return ts.isIdentifier(cur) ? cur.text : undefined;
}

/** Module a local name was imported from. */
export function importSource(ts: TS, file: Parsed, local: string): string | undefined {
  for (const st of file.sf.statements) {
    if (!ts.isImportDeclaration(st) || !st.importClause || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const c = st.importClause;
    if (c.name?.text === local) return st.moduleSpecifier.text;
    const nb = c.namedBindings;
    if (nb && ts.isNamespaceImport(nb) && nb.name.text === local) return st.moduleSpecifier.text;
    if (nb && ts.isNamedImports(nb) && nb.elements.some((el) => el.name.text === local)) return st.moduleSpecifier.text;
  }
  return undefined;
}

function scanStatements(ts: TS, file: Parsed, statements: readonly TsNamespace.Statement[], name: string): Binding | undefined {
  for (const st of statements) {
    if (ts.isVariableStatement(st)) {
      for (const decl of st.declarationList.declarations) {
        if (ts.isIdentifier(decl.name)) {
          if (decl.name.text === name) return { kind: 'var', file, decl, stmt: st };
        } else if (mentions(decl.name.getText(file.sf), name)) {
          const prop = ts.isObjectBindingPattern(decl.name) ? bindingProp(ts, decl.name, name) : undefined;
          if (prop && decl.initializer) return { kind: 'destructured', file, decl, prop };
          return { kind: 'other', file, what: `destructured from ${decl.initializer?.getText(file.sf) ?? 'a value'}` };
        }
      }
    } else if (ts.isClassDeclaration(st) && st.name?.text === name) {
      return { kind: 'class', file, decl: st };
    } else if (ts.isFunctionDeclaration(st) && st.name?.text === name) {
      return st.body ? { kind: 'function', file, fn: st } : { kind: 'other', file, what: `function ${name}` };
    } else if (ts.isImportDeclaration(st) && st.importClause && ts.isStringLiteral(st.moduleSpecifier)) {
      const spec = st.moduleSpecifier.text;
      const c = st.importClause;
      if (c.name?.text === name) return { kind: 'import', file, spec, imported: 'default' };
      const nb = c.namedBindings;
      if (nb && ts.isNamespaceImport(nb) && nb.name.text === name) return { kind: 'import', file, spec, imported: '*' };
      if (nb && ts.isNamedImports(nb)) {
        const el = nb.elements.find((x) => x.name.text === name);
        if (el) return { kind: 'import', file, spec, imported: (el.propertyName ?? el.name).text };
      }
    }
  }
  return undefined;
}

/** Lexical lookup of `name` as seen from `from`: enclosing blocks, parameters, then the module. */
export function findDeclaration(ts: TS, file: Parsed, from: Node, name: string): Binding | undefined {
  for (let n: Node | undefined = from.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n)) {
      for (const [index, p] of n.parameters.entries()) {
        if (ts.isIdentifier(p.name) && p.name.text === name) return { kind: 'param', file, name, fn: n, index };
        if (!ts.isIdentifier(p.name) && mentions(p.name.getText(file.sf), name)) {
          // `({ encryptionKey }: Props)`: the property of the argument.
          const prop = ts.isObjectBindingPattern(p.name) ? bindingProp(ts, p.name, name) : undefined;
          return { kind: 'param', file, name, fn: n, index, ...(prop ? { prop } : {}) };
        }
      }
    }
    if (ts.isBlock(n) || ts.isSourceFile(n) || ts.isModuleBlock(n) || ts.isCaseClause(n) || ts.isDefaultClause(n)) {
      const b = scanStatements(ts, file, n.statements, name);
      if (b) return b;
    }
  }
  return undefined;
}

/** The property a `{ a, b: c }` pattern reads into `name` (top level only). */
function bindingProp(ts: TS, pattern: TsNamespace.ObjectBindingPattern, name: string): string | undefined {
  for (const el of pattern.elements) {
    if (el.dotDotDotToken || !ts.isIdentifier(el.name) || el.name.text !== name) continue;
    if (!el.propertyName) return name;
    return ts.isIdentifier(el.propertyName) || ts.isStringLiteral(el.propertyName) ? el.propertyName.text : undefined;
  }
  return undefined;
}

/** What module `file` exports as `name`, followed through `export { a as b }` and re-exports. */
export function findExport(ts: TS, project: SourceProject, file: Parsed, name: string, depth = 0): Binding | undefined {
  if (depth > 5) return undefined;
  const hasExport = (n: Node) => (ts.canHaveModifiers(n) ? ts.getModifiers(n) : undefined)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
  for (const st of file.sf.statements) {
    if (ts.isVariableStatement(st) && hasExport(st)) {
      const decl = st.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === name);
      if (decl) return { kind: 'var', file, decl, stmt: st };
    } else if (ts.isFunctionDeclaration(st) && hasExport(st) && st.body && (st.name?.text === name || (name === 'default' && st.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)))) {
      return { kind: 'function', file, fn: st };
    } else if (ts.isClassDeclaration(st) && hasExport(st) && (st.name?.text === name || (name === 'default' && st.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)))) {
      return { kind: 'class', file, decl: st };
    } else if (ts.isExportDeclaration(st) && !st.isTypeOnly) {
      const spec = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : undefined;
      if (st.exportClause && ts.isNamedExports(st.exportClause)) {
        const el = st.exportClause.elements.find((x) => x.name.text === name);
        if (!el) continue;
        const local = (el.propertyName ?? el.name).text;
        if (spec) {
          const target = project.resolveModule(file.path, spec);
          return target ? findExport(ts, project, target, local, depth + 1) : { kind: 'import', file, spec, imported: local };
        }
        return scanStatements(ts, file, file.sf.statements, local);
      }
      if (!st.exportClause && spec) {
        const target = project.resolveModule(file.path, spec);
        const b = target ? findExport(ts, project, target, name, depth + 1) : undefined;
        if (b) return b;
      }
    } else if (ts.isExportAssignment(st) && name === 'default' && ts.isIdentifier(st.expression)) {
      return scanStatements(ts, file, file.sf.statements, st.expression.text);
    }
  }
  return undefined;
}

/** The class whose `this` a node sees (arrow functions pass it through, functions do not). */
export function enclosingClass(ts: TS, node: Node): TsNamespace.ClassLikeDeclaration | undefined {
  for (let n: Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) return undefined;
    if (ts.isClassLike(n)) return n;
  }
  return undefined;
}

/** Literal value or a regex standing for a template (`${stage}-logs`); undefined for anything else. */
export function stringPattern(ts: TS, e: Expression | undefined): { exact?: string; re?: RegExp } | undefined {
  if (!e) return undefined;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return { exact: e.text };
  if (ts.isTemplateExpression(e)) {
    const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const src = esc(e.head.text) + e.templateSpans.map((s) => `.+?${esc(s.literal.text)}`).join('');
    return { re: new RegExp(`^${src}$`) };
  }
  return undefined;
}
