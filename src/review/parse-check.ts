// Every patched file must re-parse before a patch is emitted: a fix that breaks the
// syntax is worse than no fix. The TypeScript compiler comes from ts-morph (lazy); it parses
// JavaScript sources as JavaScript.
import type { Language } from '../fix/contract.js';

export interface ParseProblem {
  line: number;
  message: string;
}

export async function syntaxProblems(language: Language, path: string, text: string): Promise<ParseProblem[]> {
  if (language === 'typescript') return typescriptProblems(path, text);
  const { pythonProblems } = await import('./python-parse.js');
  return pythonProblems(text, path);
}

async function typescriptProblems(path: string, text: string): Promise<ParseProblem[]> {
  const { ts } = await import('ts-morph');
  // JavaScript (.js, .mjs, .cjs) parses as JavaScript: TypeScript syntax in it is an error there.
  const js = /\.(?:[cm]?js|jsx)$/.test(path);
  const kind = /\.[cm]?tsx$/.test(path) ? ts.ScriptKind.TSX : /\.jsx$/.test(path) ? ts.ScriptKind.JSX : js ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;
  // parseDiagnostics is internal but stable across TS 4-6; it holds only syntax errors.
  const diags = ((sf as unknown as { parseDiagnostics?: import('ts-morph').ts.Diagnostic[] }).parseDiagnostics ?? []);
  const problems = diags.map((d) => ({
    line: d.start === undefined ? 0 : lineOf(d.start),
    message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
  }));
  if (problems.length || !js) return problems;
  // A JavaScript file is a CommonJS module or an ES module, never both: Node refuses an
  // `import` statement in a CommonJS file, and ES modules have no `require` (unless made with
  // createRequire). A patch that adds the other kind parses, and breaks the program.
  const esm = sf.statements.find((st) => ts.isImportDeclaration(st) || ts.isExportDeclaration(st) || ts.isExportAssignment(st) ||
    (ts.canHaveModifiers(st) && (ts.getModifiers(st) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)));
  if (!esm) return [];
  if (/\.cjs$/.test(path)) return [{ line: lineOf(esm.getStart(sf)), message: 'an ES module statement in a CommonJS (.cjs) file' }];
  if (/\bcreateRequire\b/.test(text)) return [];
  const required = sf.statements.find((st) => ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => {
    let init = d.initializer;
    while (init && (ts.isPropertyAccessExpression(init) || ts.isParenthesizedExpression(init))) init = init.expression;
    return !!init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require';
  }));
  return required ? [{ line: lineOf(esm.getStart(sf)), message: `an ES module statement in a file that loads modules with require() (line ${lineOf(required.getStart(sf))})` }] : [];
}
