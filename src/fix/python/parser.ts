// The Python parser: web-tree-sitter with the grammar's own .wasm from tree-sitter-python
// (nothing native, nothing downloaded). Loaded once, on first use, by the stage that needs it.
// Node offsets (startIndex/endIndex) are JavaScript string indices, so edits splice `text`.
import { createRequire } from 'node:module';
import type { Node, Parser as ParserType, Tree } from 'web-tree-sitter';

export type { Node, Tree };

let parser: Promise<ParserType> | undefined;

async function load(): Promise<ParserType> {
  const { Parser, Language } = await import('web-tree-sitter');
  await Parser.init();
  const wasm = createRequire(import.meta.url).resolve('tree-sitter-python/tree-sitter-python.wasm');
  const language = await Language.load(wasm);
  const p = new Parser();
  p.setLanguage(language);
  return p;
}

export interface SyntaxProblem {
  /** 1-based line. */
  line: number;
  message: string;
}

/** A parsed Python file. Call dispose() when done: WASM memory is not garbage-collected. */
export class PyFile {
  constructor(
    readonly path: string,
    readonly text: string,
    readonly tree: Tree,
  ) {}

  get root(): Node {
    return this.tree.rootNode;
  }

  /** ERROR and MISSING nodes, first one first; [] when the file parses cleanly. */
  problems(limit = 1): SyntaxProblem[] {
    return syntaxProblemsOf(this.root, this.text, limit);
  }

  /** 1-based line of a string index. */
  lineOf(index: number): number {
    let line = 1;
    for (let i = this.text.indexOf('\n'); i !== -1 && i < index; i = this.text.indexOf('\n', i + 1)) line++;
    return line;
  }

  dispose(): void {
    this.tree.delete();
  }
}

export async function parsePython(path: string, text: string): Promise<PyFile> {
  parser ??= load();
  const tree = (await parser).parse(text);
  if (!tree) throw new Error(`tree-sitter could not parse ${path}`);
  return new PyFile(path, text, tree);
}

/** Parses, hands the file to fn and frees the tree whatever fn does. */
export async function withPython<T>(path: string, text: string, fn: (file: PyFile) => T | Promise<T>): Promise<T> {
  const file = await parsePython(path, text);
  try {
    return await fn(file);
  } finally {
    file.dispose();
  }
}

function syntaxProblemsOf(root: Node, text: string, limit: number): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  if (!root.hasError) return out;
  const visit = (n: Node): void => {
    if (out.length >= limit) return;
    if (n.isMissing) {
      out.push({ line: n.startPosition.row + 1, message: `missing ${JSON.stringify(n.type)}` });
      return;
    }
    if (n.isError) {
      const snippet = text.slice(n.startIndex, Math.min(n.endIndex, n.startIndex + 40)).split('\n')[0]!.trim();
      out.push({ line: n.startPosition.row + 1, message: snippet ? `invalid syntax near ${JSON.stringify(snippet)}` : 'invalid syntax' });
      return;
    }
    if (!n.hasError) return;
    for (const c of n.children) if (c) visit(c);
  };
  visit(root);
  if (out.length === 0) out.push({ line: 1, message: 'invalid syntax' });
  return out;
}
