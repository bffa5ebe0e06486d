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
  const kind = /\.[cm]?tsx$/.test(path) ? ts.ScriptKind.TSX : /\.jsx$/.test(path) ? ts.ScriptKind.JSX : /\.[cm]?js$/.test(path) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  // parseDiagnostics is internal but stable across TS 4-6; it holds only syntax errors.
  const diags = ((sf as unknown as { parseDiagnostics?: import('ts-morph').ts.Diagnostic[] }).parseDiagnostics ?? []);
  return diags.map((d) => ({
    line: d.start === undefined ? 0 : sf.getLineAndCharacterOfPosition(d.start).line + 1,
    message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
  }));
}
